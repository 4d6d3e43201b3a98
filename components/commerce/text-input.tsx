import { useId, type InputHTMLAttributes } from "react";
import { cx } from "@/components/ui/cx";

/** A labelled input with its error announced and linked (aria-describedby). */
export function TextInput({
  label,
  error,
  className,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string }) {
  const id = useId();
  return (
    <div className={cx("flex flex-col gap-1", className)}>
      <label htmlFor={id} className="text-sm font-semibold text-zinc-800">
        {label}
      </label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={cx(
          "h-10 rounded-lg border bg-white px-3 text-sm text-zinc-950 shadow-sm",
          error ? "border-rose-600 ring-1 ring-rose-600" : "border-zinc-300",
        )}
        {...input}
      />
      {error && (
        <p id={`${id}-error`} className="text-xs font-semibold text-rose-800">
          {error}
        </p>
      )}
    </div>
  );
}
