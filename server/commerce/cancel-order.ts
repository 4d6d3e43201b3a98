import { ApiError } from "@/server/http/errors";
import type { TSessionUser } from "@/server/auth/sessions";
import type { TOrderView } from "@/lib/commerce/order-types";
import { getOrderFor } from "@/server/commerce/get-order";
import { releaseOrder } from "@/server/commerce/release-order";
import { broadcastProduct } from "@/server/commerce/broadcast-product";
import { toOrderView } from "@/server/commerce/order-view";

/** The buyer (or an ADMIN) drops an unpaid order, e.g. removes it from the cart: its units go back now. */
export async function cancelOrder(
  user: Pick<TSessionUser, "id" | "role">,
  orderId: string,
): Promise<TOrderView> {
  const order = await getOrderFor(user, orderId);
  if (order.status === "CANCELLED") return toOrderView(order);
  if (order.status !== "PENDING_PAYMENT") {
    throw new ApiError(
      409,
      "ORDER_NOT_CANCELLABLE",
      `This order is ${order.status.toLowerCase()} and cannot be cancelled.`,
    );
  }
  // A payment in flight holds a claim; cancelling under it would release units the card is paying for.
  if (order.paymentRef) throw new ApiError(409, "PAYMENT_IN_PROGRESS", "This order is being paid right now.");
  const restocked = await releaseOrder(order.id, "CANCELLED", "Cancelled by the buyer.");
  restocked?.forEach(broadcastProduct);
  return toOrderView(await getOrderFor(user, orderId));
}
