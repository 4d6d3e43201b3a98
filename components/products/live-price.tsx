"use client";
import { runningDeal, type TLiveProduct } from "@/lib/commerce/live-product";
import { Price } from "@/components/products/price";
import { useClock } from "@/components/products/use-clock";
import { useLiveShop } from "@/components/products/live-shop";

/** The product's deal while it runs, by the browser's clock and the show's status. */
export function useRunningDeal(product: TLiveProduct) {
  const now = useClock();
  const { status } = useLiveShop();
  // Before the browser's clock is known, trust the server: it only listed deals that were running.
  return now === null ? product.deal : runningDeal(product, now, status);
}

/** The product's price now: the deal price (with the regular one struck through) while its deal runs. */
export function LivePrice({ product, className }: { product: TLiveProduct; className?: string }) {
  const deal = useRunningDeal(product);
  return (
    <Price
      priceMinor={product.priceMinor}
      dealPriceMinor={deal?.priceMinor ?? null}
      currency={product.currency}
      className={className}
    />
  );
}

/** The AddToCartButton's view of a product at this moment. */
export function useBuyable(product: TLiveProduct) {
  const deal = useRunningDeal(product);
  return {
    id: product.id,
    name: product.name,
    imageUrl: product.imageUrl,
    price: deal?.priceMinor ?? product.priceMinor,
    currency: product.currency,
    stock: product.stock,
    limitPerBuyer: deal?.limitPerBuyer ?? null,
  };
}
