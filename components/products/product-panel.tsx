import { useTranslations } from "next-intl";
import type { TShowProduct } from "@/server/rooms/get-show";
import { Price } from "@/components/products/price";
import { StockLabel } from "@/components/products/stock-label";
import { EmptyState } from "@/components/ui/empty-state";
import { ProductThumb } from "@/components/ui/product-thumb";
import { cx } from "@/components/ui/cx";

/** The show's products in running order, with price, deal and stock. */
export function ProductPanel({ products, pinnedProductId }: { products: TShowProduct[]; pinnedProductId: string | null }) {
  const t = useTranslations("products");
  return (
    <section aria-labelledby="products-heading" className="flex flex-col">
      <h2 id="products-heading" className="mb-3 flex items-center justify-between text-base font-black tracking-tight text-zinc-950">
        {t("heading")}
        <span className="text-sm font-semibold text-zinc-600">{t("count", { count: products.length })}</span>
      </h2>
      {products.length === 0 ? (
        <EmptyState title={t("emptyTitle")} body={t("emptyBody")} />
      ) : (
        <ol className="flex flex-col gap-3" data-testid="product-list">
          {products.map((p, i) => {
            const pinned = p.id === pinnedProductId;
            return (
              <li
                key={p.id}
                data-product-id={p.id}
                className={cx(
                  "flex gap-3 rounded-xl border bg-white p-3 shadow-sm",
                  pinned ? "border-brand-500 ring-2 ring-brand-200" : "border-zinc-200",
                  p.stock <= 0 && "opacity-80",
                )}
              >
                <div className="relative shrink-0">
                  <ProductThumb src={p.imageUrl} className="size-20 rounded-lg" />
                  <span className="absolute -top-1.5 -left-1.5 grid size-6 place-items-center rounded-full bg-zinc-900 text-xs font-bold text-white">
                    <span className="sr-only">{t("position")} </span>
                    {i + 1}
                  </span>
                </div>
                <div className="flex min-w-0 flex-1 flex-col gap-1">
                  {pinned && <span className="text-xs font-bold tracking-wide text-brand-700 uppercase">{t("featured")}</span>}
                  <h3 className="line-clamp-2 text-sm font-semibold text-zinc-900">{p.name}</h3>
                  <Price priceMinor={p.priceMinor} dealPriceMinor={p.dealPriceMinor} currency={p.currency} />
                  <StockLabel stock={p.stock} />
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
