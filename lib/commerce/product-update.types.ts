import { z } from "zod";

/** A running deal as the page and `product:update` carry it. */
export const ZDealView = z.object({
  priceMinor: z.number().int().nonnegative(),
  endsAt: z.string().min(1),
  limitPerBuyer: z.number().int().positive().nullable(),
});
export type TDealView = z.infer<typeof ZDealView>;

/**
 * `product:update` (the contract's `{ roomId, productId, stock, price }` plus what the product panel needs):
 * commerce builds it (server/commerce/broadcast-product.ts), the browser narrows it with this schema.
 */
export const ZProductUpdate = z.object({
  roomId: z.string().min(1),
  productId: z.string().min(1),
  stock: z.number().int().nonnegative(),
  /** What a checkout from this show charges per unit right now (lib/commerce/pricing.ts). */
  price: z.number().int().nonnegative(),
  /** The regular price. */
  priceMinor: z.number().int().nonnegative(),
  currency: z.string().min(3).max(3),
  deal: ZDealView.nullable(),
  archived: z.boolean().default(false),
});
export type TProductUpdate = z.infer<typeof ZProductUpdate>;
