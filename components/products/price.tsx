import { useLocale, useTranslations } from "next-intl";
import { formatPrice } from "@/lib/format";
import { cx } from "@/components/ui/cx";

/** A price in the reader's locale; during a deal the deal price with the original struck through. */
export function Price({
  priceMinor,
  dealPriceMinor,
  currency,
  className,
}: {
  priceMinor: number;
  dealPriceMinor?: number | null;
  currency: string;
  className?: string;
}) {
  const locale = useLocale();
  const t = useTranslations("products");
  const regular = formatPrice(priceMinor, currency, locale);
  if (dealPriceMinor === null || dealPriceMinor === undefined || dealPriceMinor >= priceMinor) {
    return <span className={cx("font-bold text-zinc-950 tabular-nums", className)}>{regular}</span>;
  }
  const off = Math.round((1 - dealPriceMinor / priceMinor) * 100);
  return (
    <span className={cx("inline-flex flex-wrap items-baseline gap-x-2 tabular-nums", className)}>
      <span className="text-live font-bold">
        <span className="sr-only">{t("dealPrice")} </span>
        {formatPrice(dealPriceMinor, currency, locale)}
      </span>
      <del className="text-sm text-zinc-600">
        <span className="sr-only">{t("originalPrice")} </span>
        {regular}
      </del>
      <span className="rounded bg-rose-50 px-1.5 text-xs font-bold text-rose-800">
        {t("percentOff", { percent: off })}
      </span>
    </span>
  );
}
