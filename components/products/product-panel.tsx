"use client";
import { useTranslations } from "next-intl";
import { EmptyState } from "@/components/ui/empty-state";
import { useLiveShop } from "@/components/products/live-shop";
import { ProductCard } from "@/components/products/product-card";

/** The show's products in running order, the pinned one first, with live price, deal and stock. */
export function ProductPanel() {
  const t = useTranslations("products");
  const { products, pinned } = useLiveShop();
  const ordered = pinned ? [pinned, ...products.filter((p) => p.id !== pinned.id)] : products;
  return (
    <section aria-labelledby="products-heading" className="flex flex-col">
      <h2
        id="products-heading"
        className="mb-3 flex items-center justify-between text-base font-black tracking-tight text-zinc-950"
      >
        {t("heading")}
        <span className="text-sm font-semibold text-zinc-600">{t("count", { count: products.length })}</span>
      </h2>
      {products.length === 0 ? (
        <EmptyState title={t("emptyTitle")} body={t("emptyBody")} />
      ) : (
        <ol className="flex flex-col gap-3" data-testid="product-list">
          {ordered.map((p) => (
            <ProductCard
              key={p.id}
              product={p}
              position={products.indexOf(p) + 1}
              pinned={p.id === pinned?.id}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
