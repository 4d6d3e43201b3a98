import type { ReactNode } from "react";
import { cx } from "@/components/ui/cx";

/**
 * A checkbox (a switch with `isSwitch`) beside its label and a hint that describes it; `children` (an error)
 * go under the hint. `className` places the box (border, spacing).
 */
export function CheckboxWithHint({
  id,
  label,
  hint,
  checked,
  onChange,
  disabled,
  isSwitch,
  className,
  children,
}: {
  id: string;
  label: string;
  hint: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  isSwitch?: boolean;
  className?: string;
  children?: ReactNode;
}) {
  return (
    <div className={cx("flex items-start gap-3", className)}>
      <input
        id={id}
        type="checkbox"
        role={isSwitch ? "switch" : undefined}
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.currentTarget.checked)}
        aria-describedby={`${id}-hint`}
        className="accent-brand-700 mt-0.5 size-5 shrink-0"
      />
      <div>
        <label htmlFor={id} className="text-sm font-semibold text-zinc-900">
          {label}
        </label>
        <p id={`${id}-hint`} className="text-xs text-zinc-600">
          {hint}
        </p>
        {children}
      </div>
    </div>
  );
}
