import type { OrderStatus } from "@prisma/client";
import { db } from "@/server/db";
import { TX_OPTIONS, withBusyRetry } from "@/server/commerce/with-busy-retry";

type TReleaseTo = Extract<OrderStatus, "EXPIRED" | "FAILED" | "CANCELLED">;

/**
 * Ends an unpaid order and puts its units back, exactly once: the status moves away from PENDING_PAYMENT
 * with a conditional update, and only the caller that won that update restores stock. A concurrent
 * payment, sweep or cancel therefore cannot release the same units twice (or release paid units).
 * Returns the product id when units went back, else null.
 */
export async function releaseOrder(
  orderId: string,
  to: TReleaseTo,
  reason: string | null = null,
): Promise<string | null> {
  return withBusyRetry("release order", () =>
    db.$transaction(async (tx) => {
      const moved = await tx.order.updateMany({
        where: { id: orderId, status: "PENDING_PAYMENT" },
        data: { status: to, failureReason: reason },
      });
      if (moved.count !== 1) return null;
      const order = await tx.order.findUniqueOrThrow({
        where: { id: orderId },
        select: { productId: true, quantity: true },
      });
      await tx.product.update({
        where: { id: order.productId },
        data: { stock: { increment: order.quantity } },
      });
      return order.productId;
    }, TX_OPTIONS),
  );
}
