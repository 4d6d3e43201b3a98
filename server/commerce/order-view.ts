import type { Order, Product } from "@prisma/client";
import type { TOrderView } from "@/lib/commerce/order-types";

export type TOrderRow = Order & { product: Pick<Product, "name" | "imageUrl"> };

/** An order as the API returns it (no shipping address, no payment reference, no buyer id). */
export function toOrderView(order: TOrderRow): TOrderView {
  return {
    id: order.id,
    productId: order.productId,
    roomId: order.roomId,
    quantity: order.quantity,
    status: order.status,
    unitPriceMinor: order.unitPriceMinor,
    totalMinor: order.totalMinor,
    currency: order.currency,
    expiresAt: order.expiresAt.toISOString(),
    createdAt: order.createdAt.toISOString(),
    paidAt: order.paidAt?.toISOString() ?? null,
    failureReason: order.failureReason,
    product: { name: order.product.name, imageUrl: order.product.imageUrl },
  };
}

export const ORDER_PRODUCT = { product: { select: { name: true, imageUrl: true } } } as const;
