import { db } from "@/server/db";
import type { TOrderView } from "@/lib/commerce/order-types";
import { ORDER_PRODUCT, toOrderView } from "@/server/commerce/order-view";

/** The buyer's orders, newest first (at most 200). */
export async function listMyOrders(buyerId: string): Promise<TOrderView[]> {
  const orders = await db.order.findMany({
    where: { buyerId },
    orderBy: { createdAt: "desc" },
    take: 200,
    include: ORDER_PRODUCT,
  });
  return orders.map(toOrderView);
}
