"use client";
import { useTranslations } from "next-intl";
import type { TLiveProduct } from "@/lib/commerce/live-product";
import { AddToCartButton } from "@/components/commerce/add-to-cart-button";
import { DealTimer } from "@/components/products/deal-timer";
import { LivePrice, useBuyable, useRunningDeal } from "@/components/products/live-price";
import { useLiveShop } from "@/components/products/live-shop";
import { OpenDetailsButton } from "@/components/products/open-details-button";
import { StockLabel } from "@/components/products/stock-label";
import { ProductThumb } from "@/components/ui/product-thumb";
import { cx } from "@/components/ui/cx";

/** One product in the panel: picture and name open the details, live price, deal clock, stock, buy. */
export function ProductCard({
  product,
  position,
  pinned,
}: {
  product: TLiveProduct;
  position: number;
  pinned: boolean;
}) {
  const t = useTranslations("products");
  const tl = useTranslations("commerce.live");
  const { roomId, signedIn } = useLiveShop();
  const buyable = useBuyable(product);
  const deal = useRunningDeal(product);
  const soldOut = product.stock <= 0;
  return (
    <li
      data-product-id={product.id}
      data-pinned={pinned || undefined}
      data-stock={product.stock}
      data-sold-out={soldOut || undefined}
      className={cx(
        "relative flex gap-3 rounded-xl border bg-white p-3 shadow-sm transition-[shadow,opacity]",
        soldOut && "opacity-75",
        pinned ? "border-brand-500 ring-brand-200 shadow-md ring-2" : "border-zinc-200",
      )}
    >
      <OpenDetailsButton
        productId={product.id}
        label={tl("detailsOf", { name: product.name })}
        className="focus-visible:outline-brand-600 relative shrink-0 self-start rounded-lg focus-visible:outline-2 focus-visible:outline-offset-2"
      >
        <ProductThumb
          src={product.imageUrl}
          className={cx("size-20 rounded-lg", soldOut && "opacity-60 grayscale")}
        />
        <span className="absolute -top-1.5 -left-1.5 grid size-6 place-items-center rounded-full bg-zinc-900 text-xs font-bold text-white">
          <span className="sr-only">{t("position")} </span>
          {position}
        </span>
      </OpenDetailsButton>
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        {pinned && (
          <span className="text-brand-700 inline-flex items-center gap-1.5 text-xs font-bold tracking-wide uppercase">
            <span aria-hidden="true" className="bg-brand-600 size-1.5 animate-pulse rounded-full" />
            {t("featured")}
          </span>
        )}
        <h3 className="line-clamp-2 text-sm font-semibold text-zinc-900">
          <OpenDetailsButton
            productId={product.id}
            className="text-left hover:underline focus-visible:underline"
          >
            {product.name}
          </OpenDetailsButton>
        </h3>
        <LivePrice product={product} />
        {deal && <DealTimer deal={deal} compact />}
        <div className="mt-1 flex flex-wrap items-center justify-between gap-2">
          <span aria-live="polite" data-testid="stock-label">
            <StockLabel stock={product.stock} />
          </span>
          <AddToCartButton product={buyable} roomId={roomId} signedIn={signedIn} />
        </div>
      </div>
    </li>
  );
}
