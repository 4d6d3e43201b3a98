import type { OrderStatus } from "@prisma/client";
import { db } from "@/server/db";
import { withBusyRetry } from "@/server/commerce/with-busy-retry";

type TReleaseTo = Extract<OrderStatus, "EXPIRED" | "FAILED" | "CANCELLED">;

/**
 * Ends an unpaid order and puts the units of every line back, exactly once: the status moves away from
 * PENDING_PAYMENT with a conditional update, and only the caller that won that update restores stock. A
 * concurrent payment, sweep or cancel therefore cannot release the same units twice (or release paid units).
 * Returns the products restocked, or null when this call did not release the order.
 */
export async function releaseOrder(
  orderId: string,
  to: TReleaseTo,
  reason: string | null = null,
): Promise<string[] | null> {
  return withBusyRetry("release order", () =>
    db.$transaction(async (tx) => {
      const moved = await tx.order.updateMany({
        where: { id: orderId, status: "PENDING_PAYMENT" },
        data: { status: to, failureReason: reason },
      });
      if (moved.count !== 1) return null;
      const order = await tx.order.findUniqueOrThrow({
        where: { id: orderId },
        select: { productId: true, quantity: true, lines: { select: { productId: true, quantity: true } } },
      });
      // An order written without lines (older code paths) is its own single line.
      const lines = order.lines.length > 0 ? order.lines : [order];
      for (const line of lines) {
        await tx.product.update({
          where: { id: line.productId },
          data: { stock: { increment: line.quantity } },
        });
      }
      return lines.map((l) => l.productId);
    }),
  );
}
