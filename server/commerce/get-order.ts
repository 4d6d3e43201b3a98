import { db } from "@/server/db";
import { forbidden, notFound } from "@/server/http/errors";
import type { TSessionUser } from "@/server/auth/sessions";
import { ORDER_PRODUCT, type TOrderRow } from "@/server/commerce/order-view";

/** An order its buyer (or an ADMIN) may see; 404 when unknown, 403 for anyone else. */
export async function getOrderFor(
  user: Pick<TSessionUser, "id" | "role">,
  orderId: string,
): Promise<TOrderRow> {
  const order = await db.order.findUnique({ where: { id: orderId }, include: ORDER_PRODUCT });
  if (!order) throw notFound("This order does not exist.");
  if (order.buyerId !== user.id && user.role !== "ADMIN") throw forbidden();
  return order;
}
