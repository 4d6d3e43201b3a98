"use client";
import { useId, type ReactNode } from "react";
import { ENGAGE_DURATIONS, fieldStyles } from "@/components/engage/engage-pieces";

/** A product of the show as the auction and giveaway consoles offer it. */
export type TEngageProduct = {
  id: string;
  name: string;
  priceMinor: number;
  currency: string;
  stock: number;
  archived: boolean;
};

/** A field's error under it, named by the field's aria-describedby. */
export function FieldError({ id, text }: { id: string; text: string | undefined }) {
  return text ? (
    <p id={id} className="mt-1 text-xs font-semibold text-red-700">
      {text}
    </p>
  ) : null;
}

/** A labelled select of a console's start form, with its error. */
function SelectField({
  label,
  value,
  onChange,
  error,
  className,
  children,
}: {
  label: string;
  value: string | number;
  onChange: (value: string) => void;
  error?: string;
  className?: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-semibold text-zinc-800">
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={!!error}
        aria-describedby={error ? `${id}-error` : undefined}
        className={fieldStyles}
      >
        {children}
      </select>
      <FieldError id={`${id}-error`} text={error} />
    </div>
  );
}

/** The show's products to start one on; sold-out ones are listed but cannot be picked. */
export function ProductField({
  label,
  soldOutLabel,
  products,
  value,
  onChange,
  error,
}: {
  label: string;
  soldOutLabel: (name: string) => string;
  products: TEngageProduct[];
  value: string;
  onChange: (id: string) => void;
  error?: string;
}) {
  return (
    <SelectField label={label} value={value} onChange={onChange} error={error} className="sm:col-span-2">
      {products.map((p) => (
        <option key={p.id} value={p.id} disabled={p.stock < 1}>
          {p.stock < 1 ? soldOutLabel(p.name) : p.name}
        </option>
      ))}
    </SelectField>
  );
}

/** How long it runs, from ENGAGE_DURATIONS; `format` names a duration in seconds ("30 seconds", "2 minutes"). */
export function DurationField({
  label,
  format,
  value,
  onChange,
  error,
}: {
  label: string;
  format: (seconds: number) => string;
  value: number;
  onChange: (seconds: number) => void;
  error?: string;
}) {
  return (
    <SelectField label={label} value={value} onChange={(v) => onChange(Number(v))} error={error}>
      {ENGAGE_DURATIONS.map((s) => (
        <option key={s} value={s}>
          {format(s)}
        </option>
      ))}
    </SelectField>
  );
}
