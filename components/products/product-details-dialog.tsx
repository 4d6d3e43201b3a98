"use client";
import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { AddToCartButton } from "@/components/commerce/add-to-cart-button";
import { useCart } from "@/components/commerce/cart-context";
import { DealTimer } from "@/components/products/deal-timer";
import { LivePrice, useBuyable, useRunningDeal } from "@/components/products/live-price";
import { useLiveShop } from "@/components/products/live-shop";
import { StockLabel } from "@/components/products/stock-label";
import { ProductThumb } from "@/components/ui/product-thumb";
import { Button } from "@/components/ui/button";
import type { TLiveProduct } from "@/lib/commerce/live-product";

/**
 * A product's details over the page (a bottom sheet on phones), so the video keeps playing behind it.
 * A native modal <dialog>: focus is trapped, Escape closes it, and focus returns to the opener.
 */
export function ProductDetailsDialog() {
  const t = useTranslations("commerce.live");
  const { products, detailsId, openDetails } = useLiveShop();
  const cart = useCart();
  const dialog = useRef<HTMLDialogElement>(null);
  const product = products.find((p) => p.id === detailsId) ?? null;

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (product && !el.open) el.showModal();
    if (!product && el.open) el.close();
  }, [product]);

  // Adding to the cart opens the cart drawer: this dialog steps aside rather than stacking under it.
  useEffect(() => {
    if (cart.open) openDetails(null);
  }, [cart.open, openDetails]);

  return (
    <dialog
      ref={dialog}
      onClose={() => openDetails(null)}
      onClick={(e) => {
        if (e.target === e.currentTarget) openDetails(null);
      }}
      aria-labelledby="product-details-heading"
      className="m-0 mt-auto max-h-[90dvh] w-full max-w-none overflow-y-auto rounded-t-2xl bg-white p-0 shadow-2xl backdrop:bg-black/50 sm:m-auto sm:max-w-2xl sm:rounded-2xl"
    >
      {product && <Details product={product} onClose={() => openDetails(null)} closeLabel={t("close")} />}
    </dialog>
  );
}

function Details({
  product,
  onClose,
  closeLabel,
}: {
  product: TLiveProduct;
  onClose: () => void;
  closeLabel: string;
}) {
  const t = useTranslations("commerce.live");
  const { roomId, signedIn, pinned } = useLiveShop();
  const buyable = useBuyable(product);
  const deal = useRunningDeal(product);
  return (
    <div
      className="grid sm:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]"
      data-testid="product-details"
      data-product-id={product.id}
    >
      <div className="relative bg-zinc-100">
        <ProductThumb src={product.imageUrl} className="h-52 w-full sm:aspect-square sm:h-full" />
        {pinned?.id === product.id && (
          <span className="bg-brand-700 absolute top-3 left-3 rounded-full px-2.5 py-0.5 text-xs font-bold text-white">
            {t("pinned")}
          </span>
        )}
      </div>
      <div className="flex flex-col gap-3 p-5">
        <div className="flex items-start gap-3">
          <h2 id="product-details-heading" className="flex-1 text-lg leading-snug font-black text-zinc-950">
            {product.name}
          </h2>
          <Button onClick={onClose} variant="ghost" size="sm" className="-mt-1 -mr-2">
            <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
              <path d="M5.3 5.3a1 1 0 0 1 1.4 0L10 8.6l3.3-3.3a1 1 0 1 1 1.4 1.4L11.4 10l3.3 3.3a1 1 0 0 1-1.4 1.4L10 11.4l-3.3 3.3a1 1 0 0 1-1.4-1.4L8.6 10 5.3 6.7a1 1 0 0 1 0-1.4Z" />
            </svg>
            <span className="sr-only">{closeLabel}</span>
          </Button>
        </div>
        <LivePrice product={product} className="text-xl" />
        <div className="flex flex-wrap items-center gap-2">
          {deal && <DealTimer deal={deal} />}
          {deal?.limitPerBuyer && (
            <span className="text-xs font-semibold text-zinc-700">
              {t("dealLimit", { count: deal.limitPerBuyer })}
            </span>
          )}
        </div>
        <StockLabel stock={product.stock} />
        <div>
          <h3 className="text-sm font-bold text-zinc-900">{t("about")}</h3>
          <p className="mt-1 text-sm whitespace-pre-line text-zinc-700">
            {product.description || t("noDescription")}
          </p>
        </div>
        <div className="mt-auto flex flex-col gap-2 pt-2 [&>*]:w-full [&>button]:h-11">
          <AddToCartButton product={buyable} roomId={roomId} signedIn={signedIn} />
        </div>
        <p className="text-xs text-zinc-600">{t("keepWatching")}</p>
      </div>
    </div>
  );
}
