import { z } from "zod";
import { MAX_CART_LINES } from "@/lib/commerce/limits";
import { orderLineFields, ZId, ZIdempotencyKey } from "@/lib/commerce/order-schemas";
import { ZOrderView } from "@/lib/commerce/order-types";

/** One cart line. `roomId` is the show it is bought from (its deal prices it); without it, see docs/COMMERCE.md. */
export const ZCheckoutLine = z.strictObject(orderLineFields);

/** `POST /api/checkout`: the whole cart, reserved all-or-none as one order. */
export const ZCheckoutRequest = z.strictObject({
  lines: z
    .array(ZCheckoutLine)
    .min(1, "The cart is empty.")
    .max(MAX_CART_LINES, `At most ${MAX_CART_LINES} products per checkout.`)
    .refine((lines) => new Set(lines.map((l) => l.productId)).size === lines.length, {
      message: "List each product once; put the units in its quantity.",
    }),
  /** Required: a retried checkout (double click, lost answer) must find its order, never place another. */
  idempotencyKey: ZIdempotencyKey,
  /** The show every line without its own `roomId` is bought from. */
  roomId: ZId.optional(),
});
export type TCheckoutRequest = z.infer<typeof ZCheckoutRequest>;

/** 201 (a new order) or 200 (the same key again). */
export const ZCheckoutResponse = z.object({ order: ZOrderView });
export type TCheckoutResponse = z.infer<typeof ZCheckoutResponse>;
