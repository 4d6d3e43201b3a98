import {
  lineValues,
  orderValues,
  type TKeyedOrder,
  type TListingRow,
  type TNewOrder,
} from "@/server/commerce/checkout/store";
import { productRow, type TProductRecord } from "@/server/commerce/product-row";
import type { TReserveJob } from "@/server/commerce/checkout/reserve-cart";
import { sinceKey, type TBatchSnapshot, type TBatchWrites } from "@/server/commerce/checkout/batch-ops";

/** Runs one statement on the batch's connection (named: prepared once per connection). */
export type TQuery = <R extends Record<string, unknown>>(text: string, values: unknown[]) => Promise<R[]>;

// Prisma keeps UTC in TIMESTAMP(3) (no zone): read AT TIME ZONE 'UTC', written as ISO text (see store-postgres.ts).
const LISTING_COLUMNS = `rp."productId", rp."roomId", r."status" AS "roomStatus", rp."dealPriceMinor",
  rp."dealStartedAt" AT TIME ZONE 'UTC' AS "dealStartedAt", rp."dealEndsAt" AT TIME ZONE 'UTC' AS "dealEndsAt",
  rp."dealLimitPerBuyer"`;

/** A product's listings: `${LISTING} WHERE …` (the store's one-listing reads use it too). */
export const LISTING = `SELECT ${LISTING_COLUMNS} FROM "RoomProduct" rp JOIN "Room" r ON r."id" = rp."roomId"`;

export type TListingWithProduct = TListingRow & { productId: string };

export const listingOf = ({ productId: _productId, ...listing }: TListingWithProduct): TListingRow => listing;

/**
 * Rows as one array per column: the parallel arrays `unnest($1::…[], $2::…[], …)` takes, in the statement's
 * column order, `width` of them (so that no rows still binds every parameter).
 */
function columns<R extends readonly unknown[]>(rows: R[], width: R["length"]): unknown[][] {
  return Array.from({ length: width }, (_, i) => rows.map((r) => r[i]));
}

/** Distinct pairs, as two parallel arrays for `unnest` (a repeated pair would count its rows twice). */
function pairs(list: [string, string][]): [string[], string[]] {
  const seen = new Map(list.map(([a, b]) => [`${a}\n${b}`, [a, b] as const]));
  return columns([...seen.values()], 2) as [string[], string[]];
}

/** A product row as the store reads it (`productRow` turns it into the checkout's view). */
export const PRODUCTS = `SELECT "id", "name", "imageUrl", "priceMinor", "currency", "stock", "archivedAt" FROM "Product"
  WHERE "id" = ANY($1)`;

/**
 * Reads what `jobs` will ask, a statement per kind of question instead of one per checkout. Runs inside the
 * batch's transaction, after its products are locked. The statements that do not depend on one another are
 * sent together: the connection answers them one after the other, and the batch waits for the database
 * once instead of once per statement (under a burst each wait is also a wait for the web process's event
 * loop, behind every HTTP request that arrived meanwhile). Only the deal-limit counts need the listings first.
 */
export async function readSnapshot(q: TQuery, jobs: TReserveJob[]): Promise<TBatchSnapshot> {
  const lines = jobs.flatMap((j) => j.lines.map((l) => ({ ...l, buyerId: j.buyerId })));
  const productIds = [...new Set(lines.map((l) => l.productId))];
  const snap: TBatchSnapshot = {
    keyed: new Map(),
    products: new Map(),
    listings: new Map(),
    dealListings: new Map(),
    held: new Map(),
    unitsSince: new Map(),
    expiring: new Set(),
  };
  const latest = new Date(Math.max(...jobs.map((j) => j.now.getTime())));
  const keys = jobs
    .filter((j) => j.idempotencyKey)
    .map((j): [string, string] => [j.buyerId, j.idempotencyKey!]);
  const shown = lines.filter((l) => l.roomId !== null).map((l): [string, string] => [l.roomId!, l.productId]);
  const unshown = [...new Set(lines.filter((l) => l.roomId === null).map((l) => l.productId))];
  const [heldBuyers, heldProducts] = pairs(lines.map((l): [string, string] => [l.buyerId, l.productId]));

  const [products, expiring, keyed, listings, deals, held] = await Promise.all([
    q<TProductRecord>(PRODUCTS, [productIds]),
    // From the expired holds (the sweeper keeps them few) to their lines, never from the product's lines:
    // in a flash sale the hot product is new, has no statistics yet, and gains a line per order, and the
    // planner's pick of "its lines first" cost 2.3 ms a batch by the end of a 1,500-unit burst.
    q<{ productId: string }>(
      `WITH expired AS MATERIALIZED (SELECT "id" FROM "Order"
         WHERE "status" = 'PENDING_PAYMENT' AND "expiresAt" <= $2::timestamp)
       SELECT DISTINCT l."productId" FROM expired o JOIN "OrderLine" l ON l."orderId" = o."id" AND l."productId" = ANY($1)`,
      [productIds, latest.toISOString()],
    ),
    keys.length === 0
      ? []
      : q<{
          id: string;
          buyerId: string;
          idempotencyKey: string;
          productId: string;
          quantity: number;
          roomId: string | null;
        }>(
          `SELECT o."id", o."buyerId", o."idempotencyKey", l."productId", l."quantity", l."roomId" FROM "Order" o
           JOIN unnest($1::text[], $2::text[]) AS w(buyer, key) ON o."buyerId" = w.buyer AND o."idempotencyKey" = w.key
           JOIN "OrderLine" l ON l."orderId" = o."id"
           ORDER BY o."id", l."position"`,
          pairs(keys),
        ),
    shown.length === 0
      ? []
      : q<TListingWithProduct>(
          `${LISTING}
           JOIN unnest($1::text[], $2::text[]) AS w(room, product) ON rp."roomId" = w.room AND rp."productId" = w.product`,
          pairs(shown),
        ),
    unshown.length === 0
      ? []
      : q<TListingWithProduct>(
          `${LISTING}
           WHERE rp."productId" = ANY($1) AND rp."dealPriceMinor" IS NOT NULL AND r."status" <> 'ENDED'`,
          [unshown],
        ),
    q<{ buyerId: string; productId: string; n: string }>(
      `SELECT o."buyerId", l."productId", SUM(l."quantity") AS n FROM "Order" o
       JOIN "OrderLine" l ON l."orderId" = o."id"
       JOIN unnest($1::text[], $2::text[]) AS w(buyer, product) ON o."buyerId" = w.buyer AND l."productId" = w.product
       WHERE o."status" = 'PENDING_PAYMENT' GROUP BY o."buyerId", l."productId"`,
      [heldBuyers, heldProducts],
    ),
  ]);

  for (const p of products) snap.products.set(p.id, productRow(p));
  for (const e of expiring) snap.expiring.add(e.productId);
  for (const { id, buyerId, idempotencyKey, productId, quantity, roomId } of keyed) {
    const key = `${buyerId}\n${idempotencyKey}`;
    const order: TKeyedOrder = snap.keyed.get(key) ?? { id, lines: [] };
    order.lines.push({ productId, quantity, roomId });
    snap.keyed.set(key, order);
  }
  for (const [room, product] of shown) snap.listings.set(`${room}\n${product}`, null);
  for (const l of listings) snap.listings.set(`${l.roomId}\n${l.productId}`, listingOf(l));
  for (const id of unshown) snap.dealListings.set(id, []);
  for (const l of deals) snap.dealListings.get(l.productId)!.push(listingOf(l));
  heldBuyers.forEach((b, i) => snap.held.set(`${b}\n${heldProducts[i]}`, 0));
  for (const h of held) snap.held.set(`${h.buyerId}\n${h.productId}`, Number(h.n));

  // Deal limits: every listing with a limit that a line of the batch may be priced under.
  const limited = new Map<string, { buyer: string; room: string; product: string; since: Date | null }>();
  for (const l of lines) {
    const candidates =
      l.roomId !== null
        ? [snap.listings.get(`${l.roomId}\n${l.productId}`)]
        : (snap.dealListings.get(l.productId) ?? []);
    for (const listing of candidates) {
      if (!listing || listing.dealLimitPerBuyer === null) continue;
      const key = sinceKey(l.buyerId, listing.roomId, l.productId, listing.dealStartedAt);
      limited.set(key, {
        buyer: l.buyerId,
        room: listing.roomId,
        product: l.productId,
        since: listing.dealStartedAt,
      });
    }
  }
  if (limited.size > 0) {
    const asked = [...limited.entries()];
    const counted = await q<{ i: string; n: string }>(
      `SELECT w.i, SUM(l."quantity") AS n
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS w(buyer, room, product, since, i)
       JOIN "Order" o ON o."buyerId" = w.buyer AND o."createdAt" >= w.since::timestamp
         AND o."status" IN ('PENDING_PAYMENT', 'PAID')
       JOIN "OrderLine" l ON l."orderId" = o."id" AND l."roomId" = w.room AND l."productId" = w.product
       GROUP BY w.i`,
      columns(
        asked.map(([, a]) => [a.buyer, a.room, a.product, (a.since ?? new Date(0)).toISOString()] as const),
        4,
      ),
    );
    for (const [key] of asked) snap.unitsSince.set(key, 0);
    for (const c of counted) snap.unitsSince.set(asked[Number(c.i) - 1]![0], Number(c.n));
  }
  return snap;
}

/**
 * The batch's writes on PostgreSQL: one UPDATE for all stock taken, one INSERT each for orders and lines,
 * sent together by `flush`.
 */
export function postgresWrites(
  q: TQuery,
  rowCount: (text: string, values: unknown[]) => Promise<number>,
): TBatchWrites {
  return {
    async takeStock(totals) {
      const ids = [...totals.keys()];
      const updated = await rowCount(
        `UPDATE "Product" p SET "stock" = p."stock" - d.n FROM unnest($1::text[], $2::int[]) AS d(id, n)
         WHERE p."id" = d.id AND p."archivedAt" IS NULL AND p."stock" >= d.n`,
        [ids, ids.map((id) => totals.get(id)!)],
      );
      // Cannot happen under the batch's row locks; if it ever did, throwing rolls the whole batch back.
      if (updated !== ids.length) throw new Error(`stock moved under the lock (${updated} of ${ids.length})`);
    },
    async insertOrders(orders: TNewOrder[]) {
      // Sent together (the lines follow their orders on the one connection): one wait for both.
      await Promise.all([
        q(
          `INSERT INTO "Order" ("id", "buyerId", "productId", "roomId", "quantity", "unitPriceMinor", "totalMinor",
           "currency", "status", "idempotencyKey", "expiresAt", "createdAt", "updatedAt")
         SELECT w.id, w.buyer, w.product, w.room, w.quantity, w.unit, w.total, w.currency, 'PENDING_PAYMENT'::"OrderStatus",
           w.key, w.expires::timestamp, w.created::timestamp, w.created::timestamp
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::int[], $8::text[],
           $9::text[], $10::text[], $11::text[])
           AS w(id, buyer, product, room, quantity, unit, total, currency, key, expires, created)`,
          columns(
            orders.map((o) => orderValues(o, (d) => d.toISOString())),
            11,
          ),
        ),
        q(
          `INSERT INTO "OrderLine" ("id", "orderId", "productId", "roomId", "position", "quantity", "unitPriceMinor", "totalMinor")
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::int[], $8::int[])`,
          columns(
            orders.flatMap((o) => lineValues(o)),
            8,
          ),
        ),
      ]);
    },
  };
}
