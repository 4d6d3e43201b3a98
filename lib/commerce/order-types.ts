import { z } from "zod";

/** Order statuses, mirrored from the Prisma enum so browser code needs no Prisma import. */
export const ZOrderStatus = z.enum(["PENDING_PAYMENT", "PAID", "CANCELLED", "EXPIRED", "FAILED"]);
export type TOrderStatus = z.infer<typeof ZOrderStatus>;

/** One product of an order at the price decided when it was reserved. */
export const ZOrderLineView = z.object({
  productId: z.string(),
  /** The show it was bought from (whose deal priced it), or null. */
  roomId: z.string().nullable(),
  quantity: z.number().int().positive(),
  unitPriceMinor: z.number().int().nonnegative(),
  totalMinor: z.number().int().nonnegative(),
  product: z.object({ name: z.string(), imageUrl: z.string().nullable() }),
});
export type TOrderLineView = z.infer<typeof ZOrderLineView>;

/**
 * An order as the API returns it. Dates are ISO strings; money is integer minor units. `productId`,
 * `quantity`, `unitPriceMinor` and `product` repeat the first line (the one-line form of `POST /api/orders`);
 * `lines` holds every product, `totalMinor` is the sum charged once.
 */
export const ZOrderView = z.object({
  id: z.string(),
  productId: z.string(),
  roomId: z.string().nullable(),
  quantity: z.number().int().positive(),
  status: ZOrderStatus,
  unitPriceMinor: z.number().int().nonnegative(),
  totalMinor: z.number().int().nonnegative(),
  currency: z.string(),
  expiresAt: z.string(),
  createdAt: z.string(),
  paidAt: z.string().nullable(),
  failureReason: z.string().nullable(),
  product: z.object({ name: z.string(), imageUrl: z.string().nullable() }),
  lines: z.array(ZOrderLineView).min(1),
});
export type TOrderView = z.infer<typeof ZOrderView>;

/** The answer of every endpoint that acts on one order (`POST /api/orders`, `/pay`, `/cancel`, `GET /api/orders/:id`). */
export const ZOrderAnswer = z.object({ order: ZOrderView });
