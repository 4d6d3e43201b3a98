import type { InputHTMLAttributes } from "react";
import { cx } from "@/components/ui/cx";
import { FormField } from "@/components/ui/form-field";

/** A compact labelled input with its error announced and linked (aria-describedby). */
export function TextInput({
  label,
  error,
  className,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string }) {
  return (
    <FormField label={label} error={error} look="compact" className={cx("flex flex-col gap-1", className)}>
      {(wiring) => (
        <input
          {...wiring}
          className={cx(
            "h-10 rounded-lg border bg-white px-3 text-sm text-zinc-950 shadow-sm",
            error ? "border-rose-600 ring-1 ring-rose-600" : "border-zinc-300",
          )}
          {...input}
        />
      )}
    </FormField>
  );
}
