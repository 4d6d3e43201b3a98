import type { InputHTMLAttributes } from "react";
import { cx } from "@/components/ui/cx";
import { FormField } from "@/components/ui/form-field";

type TProps = InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string; hint?: string };

/** A roomy labelled input with its hint and error wired through aria-describedby. */
export function TextField({ label, error, hint, id, className, ...input }: TProps) {
  return (
    <FormField id={id} label={label} hint={hint} error={error} look="roomy" className={className}>
      {(wiring) => (
        <input
          {...wiring}
          className={cx(
            "mt-1.5 block h-11 w-full rounded-lg border bg-white px-3 text-zinc-900 shadow-sm placeholder:text-zinc-500",
            error ? "border-red-600" : "border-zinc-300",
          )}
          {...input}
        />
      )}
    </FormField>
  );
}
