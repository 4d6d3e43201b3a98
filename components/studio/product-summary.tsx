import { useLocale, useTranslations } from "next-intl";
import { formatPrice } from "@/lib/format";
import { cx } from "@/components/ui/cx";

const BADGE_TONES = { brand: "bg-brand-700 text-white", muted: "bg-zinc-200 text-zinc-800" } as const;

/**
 * A studio product's name (with a badge: pinned, archived), its price and its stock line, in red once none
 * is left; `stockLabel` words the stock line instead of the count ("archived: hidden from viewers").
 */
export function ProductSummary({
  product,
  badge,
  stockLabel,
  stockTestId,
  nameClassName,
}: {
  product: { name: string; priceMinor: number; currency: string; stock: number };
  badge?: { label: string; tone: keyof typeof BADGE_TONES } | null;
  stockLabel?: string;
  stockTestId?: string;
  nameClassName?: string;
}) {
  const t = useTranslations("commerce.catalog");
  const locale = useLocale();
  return (
    <>
      <p className="flex items-center gap-2">
        <span className={cx("truncate font-semibold text-zinc-900", nameClassName)}>{product.name}</span>
        {badge && (
          <span
            className={cx("shrink-0 rounded-full px-2 py-0.5 text-[11px] font-bold", BADGE_TONES[badge.tone])}
          >
            {badge.label}
          </span>
        )}
      </p>
      <p className="text-sm font-bold text-zinc-950 tabular-nums">
        {formatPrice(product.priceMinor, product.currency, locale)}
      </p>
      <p
        className={cx(
          "text-xs tabular-nums",
          product.stock <= 0 ? "font-bold text-rose-800" : "text-zinc-600",
        )}
        data-testid={stockTestId}
      >
        {stockLabel ?? (product.stock <= 0 ? t("soldOut") : t("stock", { count: product.stock }))}
      </p>
    </>
  );
}
