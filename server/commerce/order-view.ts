import type { Order, OrderLine, Product } from "@prisma/client";
import type { TOrderLineView, TOrderView } from "@/lib/commerce/order-types";

type TProductName = Pick<Product, "name" | "imageUrl">;
export type TOrderRow = Order & { product: TProductName; lines: (OrderLine & { product: TProductName })[] };

const productOf = (p: TProductName) => ({ name: p.name, imageUrl: p.imageUrl });

/** An order's lines; an order written without lines (older code paths) is its own single line. */
export function linesOf(order: TOrderRow): TOrderLineView[] {
  if (order.lines.length === 0) {
    return [
      {
        productId: order.productId,
        roomId: order.roomId,
        quantity: order.quantity,
        unitPriceMinor: order.unitPriceMinor,
        totalMinor: order.unitPriceMinor * order.quantity,
        product: productOf(order.product),
      },
    ];
  }
  return order.lines.map((l) => ({
    productId: l.productId,
    roomId: l.roomId,
    quantity: l.quantity,
    unitPriceMinor: l.unitPriceMinor,
    totalMinor: l.totalMinor,
    product: productOf(l.product),
  }));
}

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
    product: productOf(order.product),
    lines: linesOf(order),
  };
}

const NAME = { select: { name: true, imageUrl: true } } as const;

/** The Prisma `include` every order read uses, so `toOrderView` always has its lines. */
export const ORDER_PRODUCT = {
  product: NAME,
  lines: { include: { product: NAME }, orderBy: { position: "asc" } },
} as const;
