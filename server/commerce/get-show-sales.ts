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
  const [paid, pending, recent] = await Promise.all([
    db.order.groupBy({
      by: ["productId", "currency"],
      where: { roomId, status: "PAID" },
      _count: { _all: true },
      _sum: { quantity: true, totalMinor: true },
    }),
    db.order.aggregate({
      where: { roomId, status: "PENDING_PAYMENT" },
      _count: { _all: true },
      _sum: { quantity: true },
    }),
    db.order.findMany({
      where: { roomId, status: "PAID" },
      orderBy: { paidAt: "desc" },
      take: 10,
      include: { product: { select: { name: true } } },
    }),
  ]);

  const listed = room.products.map((rp) => rp.product);
  const currency = listed[0]?.currency ?? paid[0]?.currency ?? "KRW";
  // Products sold here earlier but since removed from the show still count.
  const missing = paid.map((g) => g.productId).filter((id) => !listed.some((p) => p.id === id));
  const extra = missing.length
    ? await db.product.findMany({
        where: { id: { in: missing } },
        select: { id: true, name: true, stock: true, currency: true },
      })
    : [];

  const products = [...listed, ...extra].map((p) => {
    const rows = paid.filter((g) => g.productId === p.id);
    return {
      productId: p.id,
      name: p.name,
      orders: rows.reduce((n, g) => n + g._count._all, 0),
      units: rows.reduce((n, g) => n + (g._sum.quantity ?? 0), 0),
      revenueMinor: rows
        .filter((g) => g.currency === currency)
        .reduce((n, g) => n + (g._sum.totalMinor ?? 0), 0),
      stock: p.stock,
    };
  });
  const orders = products.reduce((n, p) => n + p.orders, 0);
  const viewers = viewersParam ?? (await roomViewers(roomId));
  return {
    roomId,
    orders,
    units: products.reduce((n, p) => n + p.units, 0),
    revenueMinor: products.reduce((n, p) => n + p.revenueMinor, 0),
    currency,
    pending: { orders: pending._count._all, units: pending._sum.quantity ?? 0 },
    viewers,
    ordersPerHundredViewers: perHundred(orders, viewers),
    products,
    recent: recent.map((o) => ({
      orderId: o.id,
      productName: o.product.name,
      quantity: o.quantity,
      totalMinor: o.totalMinor,
      paidAt: (o.paidAt ?? o.updatedAt).toISOString(),
    })),
    announcePurchases: room.announcePurchases,
    at: new Date().toISOString(),
  };
}
