import { useTranslations } from "next-intl";

export const LOW_STOCK = 5;

/** "Sold out", "Only 3 left", or "In stock". */
export function StockLabel({ stock }: { stock: number }) {
  const t = useTranslations("products");
  if (stock <= 0)
    return (
      <span className="rounded bg-zinc-200 px-1.5 py-0.5 text-xs font-bold text-zinc-800 uppercase">
        {t("soldOut")}
      </span>
    );
  if (stock <= LOW_STOCK)
    return <span className="text-xs font-bold text-amber-800">{t("onlyLeft", { count: stock })}</span>;
  return <span className="text-xs text-zinc-600">{t("inStock")}</span>;
}
