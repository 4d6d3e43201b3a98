import { db } from "@/server/db";
import type { TShowSales } from "@/lib/commerce/show-schemas";
import { roomViewers } from "@/server/commerce/notify";

/** Orders per 100 viewers, to 2 decimals; unknown without viewers. */
export function perHundred(orders: number, viewers: number | null): number | null {
  if (viewers === null || viewers <= 0) return null;
  return Math.round((orders * 10000) / viewers) / 100;
}

/**
 * The live sales panel of a show: paid orders, units and revenue (per product too), held orders, and
 * orders per hundred viewers. `viewers` comes from the caller (query param) or else from the chat tier.
 */
export async function getShowSales(roomId: string, viewersParam: number | null = null): Promise<TShowSales> {
  const room = await db.room.findUniqueOrThrow({
    where: { id: roomId },
    select: {
      announcePurchases: true,
      products: {
        orderBy: { position: "asc" },
        select: { product: { select: { id: true, name: true, stock: true, currency: true } } },
      },
    },
  });
  // Counted per order line, not per order: a cart checkout's Order row repeats only its first line, so
  // grouping orders by Order.productId dropped every other product of a multi-line order.
  const [paid, paidOrders, pending, pendingUnits, recent] = await Promise.all([
    db.orderLine.groupBy({
      by: ["productId"],
      where: { order: { roomId, status: "PAID" } },
      _count: { _all: true },
      _sum: { quantity: true, totalMinor: true },
    }),
    db.order.count({ where: { roomId, status: "PAID" } }),
    db.order.count({ where: { roomId, status: "PENDING_PAYMENT" } }),
    db.orderLine.aggregate({
      where: { order: { roomId, status: "PENDING_PAYMENT" } },
      _sum: { quantity: true },
    }),
    db.order.findMany({
      where: { roomId, status: "PAID" },
      orderBy: { paidAt: "desc" },
      take: 10,
      include: {
        lines: {
          orderBy: { position: "asc" },
          select: { quantity: true, product: { select: { name: true } } },
        },
      },
    }),
  ]);

  const listed = room.products.map((rp) => rp.product);
  const currency = listed[0]?.currency ?? "KRW";
  // Products sold here earlier but since removed from the show still count.
  const missing = paid.map((g) => g.productId).filter((id) => !listed.some((p) => p.id === id));
  const extra = missing.length
    ? await db.product.findMany({
        where: { id: { in: missing } },
        select: { id: true, name: true, stock: true, currency: true },
      })
    : [];

  const products = [...listed, ...extra].map((p) => {
    const row = paid.find((g) => g.productId === p.id);
    return {
      productId: p.id,
      name: p.name,
      orders: row?._count._all ?? 0,
      units: row?._sum.quantity ?? 0,
      // A line is in its product's currency; another currency's revenue is not summed with this one.
      revenueMinor: p.currency === currency ? (row?._sum.totalMinor ?? 0) : 0,
      stock: p.stock,
    };
  });
  const orders = paidOrders;
  const viewers = viewersParam ?? (await roomViewers(roomId));
  return {
    roomId,
    orders,
    units: products.reduce((n, p) => n + p.units, 0),
    revenueMinor: products.reduce((n, p) => n + p.revenueMinor, 0),
    currency,
    pending: { orders: pending, units: pendingUnits._sum.quantity ?? 0 },
    viewers,
    ordersPerHundredViewers: perHundred(orders, viewers),
    products,
    recent: recent.map((o) => ({
      orderId: o.id,
      productName: o.lines.map((l) => l.product.name).join(", "),
      quantity: o.lines.reduce((n, l) => n + l.quantity, 0),
      totalMinor: o.totalMinor,
      paidAt: (o.paidAt ?? o.updatedAt).toISOString(),
    })),
    announcePurchases: room.announcePurchases,
    at: new Date().toISOString(),
  };
}
