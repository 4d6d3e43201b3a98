import type { ReactNode } from "react";
import { cx } from "@/components/ui/cx";

const CONTROL = "mt-1 h-9 rounded-lg border border-zinc-300 bg-white text-sm font-normal text-zinc-900";

/** A labelled drop-down for the admin's filter rows and forms; `className` adds its width. */
export function LabelledSelect({
  label,
  value,
  onChange,
  className,
  required,
  children,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  className?: string;
  required?: boolean;
  children: ReactNode;
}) {
  return (
    <label className="flex flex-col text-xs font-semibold text-zinc-700">
      {label}
      <select
        required={required}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className={cx(CONTROL, "px-2", className)}
      >
        {children}
      </select>
    </label>
  );
}

/** A labelled search box for filtering an admin list as one types; `className` sets its width. */
export function LabelledSearch({
  label,
  value,
  onChange,
  className,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  className: string;
}) {
  return (
    <label className="flex flex-col text-xs font-semibold text-zinc-700">
      {label}
      <input
        type="search"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className={cx(CONTROL, "px-3", className)}
      />
    </label>
  );
}
