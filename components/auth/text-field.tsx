import { useId, type InputHTMLAttributes } from "react";
import { cx } from "@/components/ui/cx";

type TProps = InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string; hint?: string };

/** A labelled input with its hint and error wired through aria-describedby. */
export function TextField({ label, error, hint, id: givenId, className, ...input }: TProps) {
  const autoId = useId();
  const id = givenId ?? autoId;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-semibold text-zinc-900">
        {label}
      </label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={[errorId, hintId].filter(Boolean).join(" ") || undefined}
        className={cx(
          "mt-1.5 block h-11 w-full rounded-lg border bg-white px-3 text-zinc-900 shadow-sm placeholder:text-zinc-500",
          error ? "border-red-600" : "border-zinc-300",
        )}
        {...input}
      />
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-zinc-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="mt-1 text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
