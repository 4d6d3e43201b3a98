import { useLocale } from "next-intl";
import { formatPrice } from "@/lib/format";
import { cx } from "@/components/ui/cx";

/** A studio product's price and, under it, its stock line, in red once none is left. */
export function PriceAndStock({
  product,
  stockLabel,
  stockTestId,
}: {
  product: { priceMinor: number; currency: string; stock: number };
  stockLabel: string;
  stockTestId?: string;
}) {
  const locale = useLocale();
  return (
    <>
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
        {stockLabel}
      </p>
    </>
  );
}
