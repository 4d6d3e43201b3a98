import type { TKeyedOrder, TListingRow, TNewOrder, TStoreOps } from "@/server/commerce/checkout/store";
import type { TProductRow } from "@/server/commerce/product-row";

/**
 * What a whole batch of checkouts will ask, read in a few statements at its start (after its product rows
 * are locked, so nobody else can change them). Counts are the database's, without this batch's orders.
 */
export type TBatchSnapshot = {
  /** `buyer\nkey` → the order already placed with that idempotency key. Every key of the batch was read. */
  keyed: Map<string, TKeyedOrder>;
  /** Every product of the batch (an id missing here does not exist). */
  products: Map<string, TProductRow>;
  /** `room\nproduct` → the listing, or null when the product is not in that show. */
  listings: Map<string, TListingRow | null>;
  /** productId → its deal listings in shows not ENDED. */
  dealListings: Map<string, TListingRow[]>;
  /** `buyer\nproduct` → unpaid units held. */
  held: Map<string, number>;
  /** `buyer\nroom\nproduct\nsince` → units held or paid for since the deal started. */
  unitsSince: Map<string, number>;
  /** Products with unpaid holds already expired at the batch's latest `now`: only these can be restocked. */
  expiring: Set<string>;
};

/** The batch's writes, made once at its end (or before a release of expired holds). */
export type TBatchWrites = {
  /** Takes each product's total in one statement; throws when any would go below zero. */
  takeStock(totals: Map<string, number>): Promise<void>;
  insertOrders(orders: TNewOrder[]): Promise<void>;
};

export type TBatchOps = TStoreOps & { flush(): Promise<void> };

export const sinceKey = (buyer: string, room: string, product: string, since: Date | null) =>
  `${buyer}\n${room}\n${product}\n${since ? since.toISOString() : ""}`;

/**
 * The checkout's statements answered from one snapshot, with the batch's own orders and stock taken kept in
 * memory until `flush`. On PostgreSQL a batch holds its products' row locks while it runs, and each of a
 * checkout's seven or so statements was a round trip that every queued checkout waited for; now a batch of
 * hundreds is about ten statements. Same answers as asking the database each time: counts add this batch's
 * orders, stock subtracts what it took, and whatever the snapshot did not read is asked of `base` (plus the
 * batch's own orders). Releasing expired holds writes everything first and then asks `base` again.
 */
export function batchOps(base: TStoreOps, snap: TBatchSnapshot, writes: TBatchWrites): TBatchOps {
  let pending: TNewOrder[] = [];
  let taken = new Map<string, number>();
  // After a flush the snapshot's counts no longer leave out this batch's orders: they are asked again.
  let counts: { held: Map<string, number>; unitsSince: Map<string, number> } = {
    held: snap.held,
    unitsSince: snap.unitsSince,
  };

  const pendingUnits = (
    buyerId: string,
    match: (line: TNewOrder["lines"][number]) => boolean,
    since: Date | null = null,
  ) =>
    pending
      .filter((o) => o.buyerId === buyerId && (since === null || o.createdAt >= since))
      .reduce((n, o) => n + o.lines.filter(match).reduce((m, l) => m + l.quantity, 0), 0);

  async function flush(): Promise<void> {
    // Sent at once: the connection runs them in order and the batch waits for the database once. A stock
    // update that came short throws, and the batch's transaction is rolled back with the orders in it.
    await Promise.all([
      taken.size > 0 ? writes.takeStock(taken) : null,
      pending.length > 0 ? writes.insertOrders(pending) : null,
    ]);
    if (taken.size > 0 || pending.length > 0) counts = { held: new Map(), unitsSince: new Map() };
    pending = [];
    taken = new Map();
  }

  return {
    flush,
    orderByKey(buyerId, key) {
      return Promise.resolve(snap.keyed.get(`${buyerId}\n${key}`) ?? null);
    },
    products(ids) {
      const out = new Map<string, TProductRow>();
      for (const id of ids) {
        const p = snap.products.get(id);
        if (p) out.set(id, { ...p });
      }
      return Promise.resolve(out);
    },
    async listing(roomId, productId) {
      const key = `${roomId}\n${productId}`;
      return snap.listings.has(key) ? (snap.listings.get(key) ?? null) : base.listing(roomId, productId);
    },
    async dealListings(productId) {
      return snap.dealListings.get(productId) ?? base.dealListings(productId);
    },
    async unitsSince(buyerId, roomId, productId, since) {
      const stored =
        counts.unitsSince.get(sinceKey(buyerId, roomId, productId, since)) ??
        (await base.unitsSince(buyerId, roomId, productId, since));
      return stored + pendingUnits(buyerId, (l) => l.roomId === roomId && l.productId === productId, since);
    },
    async heldUnits(buyerId, productId) {
      const stored =
        counts.held.get(`${buyerId}\n${productId}`) ?? (await base.heldUnits(buyerId, productId));
      return stored + pendingUnits(buyerId, (l) => l.productId === productId);
    },
    async releaseExpired(productIds, now) {
      // A sold-out flash sale asks this for every buyer it refuses: without expired holds there is nothing
      // to release and nothing to write.
      if (!productIds.some((id) => snap.expiring.has(id))) return [];
      for (const id of productIds) snap.expiring.delete(id);
      await flush();
      const restocked = await base.releaseExpired(productIds, now);
      const fresh = await base.products([...snap.products.keys()]);
      for (const [id, p] of fresh) snap.products.set(id, p);
      return restocked;
    },
    sweep(now, limit) {
      return base.sweep(now, limit);
    },
    take(productId, quantity) {
      const p = snap.products.get(productId);
      if (!p || p.archived || p.stock < quantity) return Promise.resolve(false);
      p.stock -= quantity;
      taken.set(productId, (taken.get(productId) ?? 0) + quantity);
      return Promise.resolve(true);
    },
    insertOrder(order) {
      pending.push(order);
      if (order.idempotencyKey)
        snap.keyed.set(`${order.buyerId}\n${order.idempotencyKey}`, {
          id: order.id,
          lines: order.lines.map((l) => ({ productId: l.productId, quantity: l.quantity, roomId: l.roomId })),
        });
      return Promise.resolve();
    },
  };
}
