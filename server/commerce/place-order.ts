import type { TPlaceOrderRequest } from "@/lib/commerce/order-schemas";
import { checkOut, type TCheckOutResult } from "@/server/commerce/check-out";

export type TPlaceOrderResult = TCheckOutResult;

/**
 * The one-line form of the checkout (`POST /api/orders`): the same reservation, rules and price, for one
 * product. The same idempotency key returns the first order (`created: false`) instead of placing another.
 */
export function placeOrder(
  buyerId: string,
  input: TPlaceOrderRequest,
  now: () => Date = () => new Date(),
): Promise<TPlaceOrderResult> {
  return checkOut(
    buyerId,
    {
      lines: [
        {
          productId: input.productId,
          quantity: input.quantity,
          ...(input.roomId ? { roomId: input.roomId } : {}),
        },
      ],
      ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
    },
    now,
  );
}
