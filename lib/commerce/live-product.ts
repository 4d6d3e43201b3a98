import { z } from "zod";
import { dealRuns, liveFacts, unitPrice } from "@/lib/commerce/pricing";
import { ZDealView, type TDealView, type TProductUpdate } from "@/lib/commerce/product-update.types";

/** What a show lists of each of its products, besides its deal. */
export type TListedProduct = {
  id: string;
  name: string;
  description: string;
  imageUrl: string | null;
  currency: string;
  /** The regular price, integer minor units. */
  priceMinor: number;
  stock: number;
};

/** A product as the viewer page keeps it live: the show's listing plus what `product:update` changes. */
export type TLiveProduct = TListedProduct & { deal: TLiveDeal | null };
export type TLiveDeal = TDealView;

/** The show as `GET /api/rooms/:id` lists its products (the fields the page re-reads after a reconnect). */
export const ZRoomProducts = z.object({
  pinnedProductId: z.string().nullable(),
  products: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      description: z.string(),
      imageUrl: z.string().nullable(),
      currency: z.string(),
      priceMinor: z.number(),
      stock: z.number(),
      archived: z.boolean(),
      deal: ZDealView.nullable(),
    }),
  ),
});

/** The deal while it runs by `now` (epoch ms), by the one pricing rule; null = the regular price applies. */
export function runningDeal(
  product: TLiveProduct,
  now: number,
  showStatus: string | null = null,
): TLiveDeal | null {
  return dealRuns(liveFacts(product, showStatus), now) ? product.deal : null;
}

/** What a buyer pays per unit right now (display: the server applies the same rule at checkout). */
export function currentPrice(product: TLiveProduct, now: number, showStatus: string | null = null): number {
  return unitPrice(liveFacts(product, showStatus), now);
}

/** Applies one `product:update` to the list; archived products leave it. */
export function applyProductUpdate(products: TLiveProduct[], u: TProductUpdate): TLiveProduct[] {
  if (u.archived) return products.filter((p) => p.id !== u.productId);
  return products.map((p) =>
    p.id === u.productId
      ? { ...p, stock: u.stock, priceMinor: u.priceMinor, currency: u.currency, deal: u.deal }
      : p,
  );
}
