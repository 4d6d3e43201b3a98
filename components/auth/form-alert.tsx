import type { Ref } from "react";

/** The form-level error of a failed submit; the form focuses it so keyboard and screen-reader users land on it. */
export function FormAlert({ message, ref }: { message: string | null; ref: Ref<HTMLDivElement> }) {
  if (!message) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm font-medium text-red-800"
    >
      {message}
    </div>
  );
}
