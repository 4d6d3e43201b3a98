import Database from "better-sqlite3";
import type { Mutex } from "@/server/sqlite-serial-adapter";
import { openSqliteWriter, sqliteDate } from "@/server/sqlite-writer";
import {
  lineValues,
  orderValues,
  type TListingRow,
  type TReserveStore,
  type TStoreOps,
} from "@/server/commerce/checkout/store";
import { productRow, type TProductRecord, type TProductRow } from "@/server/commerce/product-row";

const date = (v: unknown) => (typeof v === "string" ? new Date(v) : null);

type TListingSql = {
  roomId: string;
  roomStatus: string;
  dealPriceMinor: number | null;
  dealStartedAt: string | null;
  dealEndsAt: string | null;
  dealLimitPerBuyer: number | null;
};
const listingRow = (r: TListingSql): TListingRow => ({
  ...r,
  dealStartedAt: date(r.dealStartedAt),
  dealEndsAt: date(r.dealEndsAt),
});

const LISTING = `SELECT rp."roomId", r."status" AS "roomStatus", rp."dealPriceMinor", rp."dealStartedAt", rp."dealEndsAt",
  rp."dealLimitPerBuyer" FROM "RoomProduct" rp JOIN "Room" r ON r."id" = rp."roomId"`;

/** Prepared once per connection: better-sqlite3 runs each in microseconds, synchronously. */
function prepare(conn: Database.Database) {
  return {
    byKey: conn.prepare<[string, string], { id: string }>(
      `SELECT "id" FROM "Order" WHERE "buyerId" = ? AND "idempotencyKey" = ?`,
    ),
    linesOf: conn.prepare<[string], { productId: string; quantity: number; roomId: string | null }>(
      `SELECT "productId", "quantity", "roomId" FROM "OrderLine" WHERE "orderId" = ? ORDER BY "position"`,
    ),
    product: conn.prepare<[string], TProductRecord<string>>(
      `SELECT "id", "name", "imageUrl", "priceMinor", "currency", "stock", "archivedAt" FROM "Product" WHERE "id" = ?`,
    ),
    listing: conn.prepare<[string, string], TListingSql>(
      `${LISTING} WHERE rp."roomId" = ? AND rp."productId" = ?`,
    ),
    dealListings: conn.prepare<[string], TListingSql>(
      `${LISTING} WHERE rp."productId" = ? AND rp."dealPriceMinor" IS NOT NULL AND r."status" <> 'ENDED'`,
    ),
    // CROSS JOIN fixes the loop order in SQLite: the buyer's few orders first (index Order(buyerId, createdAt)),
    // then their line of this product, never every line of a hot product (1,500 in the benchmark). The unary
    // + keeps SQLite off the Order(status, expiresAt) index, which would scan every unpaid order (quadratic
    // in a sale: measured as the top statement of the profile with 4,500 unpaid orders).
    unitsSince: conn.prepare<[string, string, string, string], { n: number | null }>(
      `SELECT SUM(l."quantity") AS n FROM "Order" o CROSS JOIN "OrderLine" l ON l."orderId" = o."id"
       WHERE o."buyerId" = ? AND l."roomId" = ? AND l."productId" = ? AND o."createdAt" >= ?
       AND +o."status" IN ('PENDING_PAYMENT', 'PAID')`,
    ),
    held: conn.prepare<[string, string], { n: number | null }>(
      `SELECT SUM(l."quantity") AS n FROM "Order" o CROSS JOIN "OrderLine" l ON l."orderId" = o."id"
       WHERE o."buyerId" = ? AND l."productId" = ? AND +o."status" = 'PENDING_PAYMENT'`,
    ),
    expired: conn.prepare<[string, string], { id: string }>(
      `SELECT DISTINCT o."id" FROM "Order" o CROSS JOIN "OrderLine" l ON l."orderId" = o."id"
       WHERE o."status" = 'PENDING_PAYMENT' AND o."expiresAt" <= ? AND l."productId" = ?`,
    ),
    due: conn.prepare<[string, number], { id: string; productId: string; quantity: number }>(
      `SELECT "id", "productId", "quantity" FROM "Order" WHERE "status" = 'PENDING_PAYMENT' AND "expiresAt" <= ?
       ORDER BY "expiresAt" LIMIT ?`,
    ),
    expire: conn.prepare<[string, string], unknown>(
      `UPDATE "Order" SET "status" = 'EXPIRED', "failureReason" = 'The payment window closed; the units went back on sale.',
       "updatedAt" = ? WHERE "id" = ? AND "status" = 'PENDING_PAYMENT'`,
    ),
    restock: conn.prepare<[number, string], unknown>(
      `UPDATE "Product" SET "stock" = "stock" + ? WHERE "id" = ?`,
    ),
    take: conn.prepare<[number, string, number], unknown>(
      `UPDATE "Product" SET "stock" = "stock" - ? WHERE "id" = ? AND "archivedAt" IS NULL AND "stock" >= ?`,
    ),
    insertOrder: conn.prepare(
      `INSERT INTO "Order" ("id", "buyerId", "productId", "roomId", "quantity", "unitPriceMinor", "totalMinor",
       "currency", "status", "idempotencyKey", "expiresAt", "createdAt", "updatedAt")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING_PAYMENT', ?, ?, ?, ?)`,
    ),
    insertLine: conn.prepare(
      `INSERT INTO "OrderLine" ("id", "orderId", "productId", "roomId", "position", "quantity", "unitPriceMinor",
       "totalMinor") VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
  };
}

function opsOf(s: ReturnType<typeof prepare>): TStoreOps {
  /** Expires one order exactly once (conditional update) and restocks its lines; null if it was not pending. */
  const release = (id: string, now: Date, fallback?: { productId: string; quantity: number }) => {
    if (s.expire.run(sqliteDate(now), id).changes !== 1) return null;
    let lines: { productId: string; quantity: number }[] = s.linesOf.all(id);
    // An order written without lines (older code paths) is its own single line.
    if (lines.length === 0 && fallback) lines = [fallback];
    for (const line of lines) s.restock.run(line.quantity, line.productId);
    return lines.map((l) => l.productId);
  };
  return {
    orderByKey(buyerId, key) {
      const row = s.byKey.get(buyerId, key);
      return Promise.resolve(row ? { id: row.id, lines: s.linesOf.all(row.id) } : null);
    },
    products(ids) {
      const map = new Map<string, TProductRow>();
      for (const id of ids) {
        const p = s.product.get(id);
        if (p) map.set(id, productRow(p));
      }
      return Promise.resolve(map);
    },
    listing(roomId, productId) {
      const row = s.listing.get(roomId, productId);
      return Promise.resolve(row ? listingRow(row) : null);
    },
    dealListings(productId) {
      return Promise.resolve(s.dealListings.all(productId).map(listingRow));
    },
    unitsSince(buyerId, roomId, productId, since) {
      return Promise.resolve(
        s.unitsSince.get(buyerId, roomId, productId, since ? sqliteDate(since) : "")?.n ?? 0,
      );
    },
    heldUnits(buyerId, productId) {
      return Promise.resolve(s.held.get(buyerId, productId)?.n ?? 0);
    },
    releaseExpired(productIds, now) {
      const ids = new Set(productIds.flatMap((p) => s.expired.all(sqliteDate(now), p).map((r) => r.id)));
      const restocked = new Set<string>();
      for (const id of ids) release(id, now)?.forEach((p) => restocked.add(p));
      return Promise.resolve([...restocked]);
    },
    sweep(now, limit) {
      const restocked = new Set<string>();
      let released = 0;
      for (const order of s.due.all(sqliteDate(now), limit)) {
        const products = release(order.id, now, order);
        if (!products) continue;
        released++;
        products.forEach((p) => restocked.add(p));
      }
      return Promise.resolve({ released, restocked: [...restocked] });
    },
    take(productId, quantity) {
      return Promise.resolve(s.take.run(quantity, productId, quantity).changes === 1);
    },
    insertOrder(o) {
      // The last value is updatedAt: a new order was last updated when it was created.
      s.insertOrder.run(...orderValues(o, sqliteDate), sqliteDate(o.createdAt));
      for (const line of lineValues(o)) s.insertLine.run(...line);
      return Promise.resolve();
    },
  };
}

/**
 * The checkout store on SQLite: its own better-sqlite3 connection to the same file, used only while holding
 * the lock that Prisma's connection in this process also takes (server/sqlite-serial-adapter.ts), so the two
 * never interleave; other processes (chat nodes) wait on SQLite's busy timeout as before. A whole batch is
 * one BEGIN IMMEDIATE ... COMMIT: one fsync for every checkout in it.
 */
export function sqliteStore(file: string, lock: Mutex): TReserveStore {
  let conn: Database.Database | null = null;
  let ops: TStoreOps | null = null;
  const open = () => {
    if (!conn) {
      conn = openSqliteWriter(file);
      ops = opsOf(prepare(conn));
    }
    return { conn, ops: ops! };
  };
  return {
    parallel: 1,
    async transaction(_productIds, fn) {
      const release = await lock.lock();
      try {
        const { conn, ops } = open();
        conn.exec("BEGIN IMMEDIATE");
        try {
          const out = await fn(ops);
          conn.exec("COMMIT");
          return out;
        } catch (err) {
          if (conn.inTransaction) conn.exec("ROLLBACK");
          throw err;
        }
      } finally {
        release();
      }
    },
  };
}
