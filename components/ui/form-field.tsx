import { useId, type ReactNode } from "react";

/** The ids and aria attributes a field's control takes so its label, hint and error reach screen readers. */
export type TFieldWiring = {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
};

/** How a field's label, hint and error look: roomy (sign-in, show form), compact (checkout, product editor), small (deal form), console. */
const LOOKS = {
  roomy: {
    label: "block text-sm font-semibold text-zinc-900",
    hint: "mt-1 text-xs text-zinc-600",
    error: "mt-1 text-sm font-medium text-red-700",
  },
  compact: {
    label: "text-sm font-semibold text-zinc-800",
    hint: "text-xs text-zinc-600",
    error: "text-xs font-semibold text-rose-800",
  },
  small: {
    label: "text-xs font-semibold text-zinc-800",
    hint: "text-[11px] text-zinc-600",
    error: "text-xs font-semibold text-rose-800",
  },
  console: {
    label: "mb-1 block text-sm font-semibold text-zinc-800",
    hint: "mt-1 text-xs text-zinc-600",
    error: "mt-1 text-xs font-semibold text-red-700",
  },
} as const;

/**
 * A label, the control `children` draws with the wiring it is given, a hint and an error: the error and
 * hint are named by the control's aria-describedby, and an error marks it aria-invalid.
 */
export function FormField({
  id: givenId,
  label,
  hint,
  error,
  look,
  className,
  children,
}: {
  id?: string;
  label: string;
  hint?: string;
  error?: string;
  look: keyof typeof LOOKS;
  className?: string;
  children: (wiring: TFieldWiring) => ReactNode;
}) {
  const autoId = useId();
  const id = givenId ?? autoId;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const styles = LOOKS[look];
  return (
    <div className={className}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      {children({
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": [errorId, hintId].filter(Boolean).join(" ") || undefined,
      })}
      {hint && (
        <p id={hintId} className={styles.hint}>
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className={styles.error}>
          {error}
        </p>
      )}
    </div>
  );
}
