"use client";
import { useLocale, useTranslations } from "next-intl";
import { formatPrice } from "@/lib/format";
import type { TLiveProduct } from "@/lib/commerce/live-product";
import { AddToCartButton } from "@/components/commerce/add-to-cart-button";
import { DealTimer } from "@/components/products/deal-timer";
import { useBuyable, useRunningDeal } from "@/components/products/live-price";
import { useLiveShop } from "@/components/products/live-shop";
import { OpenDetailsButton } from "@/components/products/open-details-button";
import { ProductThumb } from "@/components/ui/product-thumb";

/**
 * The pinned product over the video, live from `room:state`: picture and name open the details, the buy
 * button adds it to the cart. Replays show their own pin (components/player/replay-pin.tsx).
 */
export function PinnedProductOverlay() {
  const { pinned, status } = useLiveShop();
  if (!pinned || status === "ENDED") return null;
  // Keyed by product: a new pin mounts fresh (and its entrance plays again).
  return <PinnedCard key={pinned.id} product={pinned} />;
}

function PinnedCard({ product }: { product: TLiveProduct }) {
  const t = useTranslations("commerce.live");
  const tp = useTranslations("products");
  const locale = useLocale();
  const { roomId, signedIn } = useLiveShop();
  const buyable = useBuyable(product);
  const deal = useRunningDeal(product);
  return (
    <aside
      aria-label={t("pinnedByHost")}
      data-testid="pinned-overlay"
      data-product-id={product.id}
      className="absolute bottom-3 left-3 z-20 w-[min(26rem,calc(100%-1.5rem))] transition duration-300 sm:bottom-4 sm:left-4 starting:translate-y-2 starting:opacity-0"
    >
      <div className="flex items-center gap-2.5 rounded-xl bg-white/95 p-1.5 pr-2 text-zinc-950 shadow-lg ring-1 ring-black/5 backdrop-blur">
        <OpenDetailsButton
          productId={product.id}
          label={t("detailsOf", { name: product.name })}
          className="focus-visible:outline-brand-600 shrink-0 rounded-lg focus-visible:outline-2 focus-visible:outline-offset-2"
        >
          <ProductThumb src={product.imageUrl} className="size-11 rounded-lg sm:size-14" />
        </OpenDetailsButton>
        <div className="min-w-0 flex-1">
          <p className="text-brand-700 flex items-center gap-1.5 text-[10px] leading-4 font-bold tracking-wide uppercase">
            <span aria-hidden="true" className="bg-brand-600 size-1.5 animate-pulse rounded-full" />
            {t("pinned")}
            {deal && (
              <DealTimer
                deal={deal}
                tone="dark"
                compact
                className="px-1.5 py-0 text-[10px] tracking-normal normal-case"
              />
            )}
          </p>
          <OpenDetailsButton
            productId={product.id}
            className="block max-w-full truncate text-left text-sm leading-tight font-semibold hover:underline"
          >
            {product.name}
          </OpenDetailsButton>
          <p className="flex items-baseline gap-1.5 text-sm tabular-nums">
            <span className={deal ? "text-live font-bold" : "font-bold"}>
              {deal && <span className="sr-only">{tp("dealPrice")} </span>}
              {formatPrice(deal?.priceMinor ?? product.priceMinor, product.currency, locale)}
            </span>
            {deal && (
              <del className="hidden text-xs text-zinc-600 sm:inline">
                <span className="sr-only">{tp("originalPrice")} </span>
                {formatPrice(product.priceMinor, product.currency, locale)}
              </del>
            )}
          </p>
        </div>
        <AddToCartButton product={buyable} roomId={roomId} signedIn={signedIn} />
      </div>
    </aside>
  );
}
