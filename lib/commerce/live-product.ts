import { z } from "zod";

/** A product as the viewer page keeps it live: the show's listing plus what `product:update` changes. */
export type TLiveProduct = {
  id: string;
  name: string;
  description: string;
  imageUrl: string | null;
  currency: string;
  /** The regular price, integer minor units. */
  priceMinor: number;
  stock: number;
  deal: TLiveDeal | null;
};
export type TLiveDeal = { priceMinor: number; endsAt: string; limitPerBuyer: number | null };

const ZDeal = z.object({
  priceMinor: z.number().int().nonnegative(),
  endsAt: z.string().min(1),
  limitPerBuyer: z.number().int().positive().nullable(),
});

/** `product:update` as commerce sends it (docs/COMMERCE.md): narrowed before it touches the page. */
export const ZLiveProductUpdate = z.object({
  roomId: z.string().min(1),
  productId: z.string().min(1),
  stock: z.number().int().nonnegative(),
  priceMinor: z.number().int().nonnegative(),
  currency: z.string().min(3).max(3),
  deal: ZDeal.nullable(),
  archived: z.boolean().default(false),
});
export type TLiveProductUpdate = z.infer<typeof ZLiveProductUpdate>;

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
      deal: ZDeal.nullable(),
    }),
  ),
});

/** The deal while it runs by `now` (epoch ms); null = the regular price applies. */
export function runningDeal(product: TLiveProduct, now: number): TLiveDeal | null {
  const deal = product.deal;
  if (!deal || deal.priceMinor >= product.priceMinor) return null;
  return new Date(deal.endsAt).getTime() > now ? deal : null;
}

/** What a buyer pays per unit right now (display only: the server decides at checkout). */
export function currentPrice(product: TLiveProduct, now: number): number {
  return runningDeal(product, now)?.priceMinor ?? product.priceMinor;
}

/** Applies one `product:update` to the list; archived products leave it. */
export function applyProductUpdate(products: TLiveProduct[], u: TLiveProductUpdate): TLiveProduct[] {
  if (u.archived) return products.filter((p) => p.id !== u.productId);
  return products.map((p) =>
    p.id === u.productId
      ? { ...p, stock: u.stock, priceMinor: u.priceMinor, currency: u.currency, deal: u.deal }
      : p,
  );
}
