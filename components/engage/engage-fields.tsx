"use client";
import type { ReactNode } from "react";
import { FormField } from "@/components/ui/form-field";
import { useTranslations } from "next-intl";
import type { TStudioShow } from "@/server/rooms/get-studio-show";
import { ENGAGE_DURATIONS, fieldStyles, type TEngageNamespace } from "@/components/engage/engage-pieces";

/** A product of the show as the auction and giveaway consoles offer it. */
export type TEngageProduct = Omit<TStudioShow["products"][number], "imageUrl">;

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
  return (
    <FormField look="console" label={label} error={error} className={className}>
      {(wiring) => (
        <select {...wiring} value={value} onChange={(e) => onChange(e.target.value)} className={fieldStyles}>
          {children}
        </select>
      )}
    </FormField>
  );
}

/** An amount in the product's currency (start price, increment), typed as the seller writes it. */
export function AmountField({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  return (
    <FormField look="console" label={label} error={error}>
      {(wiring) => (
        <input
          {...wiring}
          inputMode="decimal"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          className={fieldStyles}
        />
      )}
    </FormField>
  );
}

/** The show's products to start one on; sold-out ones are listed but cannot be picked. */
export function ProductField({
  namespace,
  products,
  value,
  onChange,
  error,
}: {
  namespace: TEngageNamespace;
  products: TEngageProduct[];
  value: string;
  onChange: (id: string) => void;
  error?: string;
}) {
  const t = useTranslations(namespace);
  return (
    <SelectField
      label={t("product")}
      value={value}
      onChange={onChange}
      error={error}
      className="sm:col-span-2"
    >
      {products.map((p) => (
        <option key={p.id} value={p.id} disabled={p.stock < 1}>
          {p.stock < 1 ? t("productSoldOut", { name: p.name }) : p.name}
        </option>
      ))}
    </SelectField>
  );
}

/** How long it runs, from ENGAGE_DURATIONS ("30 seconds", "2 minutes"). */
export function DurationField({
  namespace,
  value,
  onChange,
  error,
}: {
  namespace: TEngageNamespace;
  value: number;
  onChange: (seconds: number) => void;
  error?: string;
}) {
  const t = useTranslations(namespace);
  return (
    <SelectField label={t("duration")} value={value} onChange={(v) => onChange(Number(v))} error={error}>
      {ENGAGE_DURATIONS.map((s) => (
        <option key={s} value={s}>
          {s < 60 ? t("seconds", { count: s }) : t("minutes", { count: s / 60 })}
        </option>
      ))}
    </SelectField>
  );
}
