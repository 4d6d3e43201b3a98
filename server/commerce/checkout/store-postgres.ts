import type pg from "pg";
import type { TReserveStore, TStoreOps } from "@/server/commerce/checkout/store";
import { batchOps } from "@/server/commerce/checkout/batch-ops";
import {
  LISTING,
  listingOf,
  postgresWrites,
  PRODUCTS,
  readSnapshot,
  type TListingWithProduct,
} from "@/server/commerce/checkout/batch-postgres";
import { productRow, type TProductRecord } from "@/server/commerce/product-row";

// Prisma keeps UTC in TIMESTAMP(3) (no zone): read them AT TIME ZONE 'UTC' (LISTING) and write ISO strings (a
// zone in the input of a zone-less timestamp is ignored), so the session's TimeZone never shifts a deal or a hold.
const iso = (d: Date) => d.toISOString();
const EXPIRED_REASON = "The payment window closed; the units went back on sale.";

const sum = (rows: { n: string | number | null }[]) => Number(rows[0]?.n ?? 0);

const statementNames = new Map<string, string>();
/**
 * A name per statement text: pg then parses and plans each statement once per pooled connection and
 * afterwards sends only its parameters. A batch holds its products' row locks for every statement it runs,
 * so each one's parse and plan was paid by every checkout queued behind the lock.
 */
function named(text: string, values: unknown[]): pg.QueryConfig {
  let name = statementNames.get(text);
  if (!name) statementNames.set(text, (name = `onair-checkout-${statementNames.size}`));
  return { name, text, values };
}

/**
 * The statements on the batch's connection. `begun` is the transaction's BEGIN and lock, sent without
 * waiting for them: a read goes out behind them at once (pg sends each query as the one before it is
 * answered, with no turn of our event loop in between) and is only believed once they succeeded; a write
 * is only sent once they did, so it can never run outside the transaction.
 */
function opsOf(c: pg.PoolClient, begun: Promise<unknown>): TStoreOps {
  const read = async <R extends pg.QueryResultRow>(text: string, values: unknown[]) => {
    const result = await c.query<R>(named(text, values));
    await begun;
    return result;
  };
  const write = async <R extends pg.QueryResultRow>(text: string, values: unknown[]) => {
    await begun;
    return c.query<R>(named(text, values));
  };
  const q = async <R extends pg.QueryResultRow>(text: string, values: unknown[]) =>
    (await read<R>(text, values)).rows;
  const change = async <R extends pg.QueryResultRow>(text: string, values: unknown[]) =>
    (await write<R>(text, values)).rows;
  const linesOf = (orderId: string) =>
    q<{ productId: string; quantity: number; roomId: string | null }>(
      `SELECT "productId", "quantity", "roomId" FROM "OrderLine" WHERE "orderId" = $1 ORDER BY "position"`,
      [orderId],
    );
  // The batch's writes; a checkout outside a batch inserts its one order through the same statements.
  const writes = postgresWrites(change, async (text, values) => (await write(text, values)).rowCount ?? 0);
  const ops: TStoreOps = {
    async forBatch(jobs) {
      return batchOps(ops, await readSnapshot(q, jobs), writes);
    },
    async orderByKey(buyerId, key) {
      const [row] = await q<{ id: string }>(
        `SELECT "id" FROM "Order" WHERE "buyerId" = $1 AND "idempotencyKey" = $2`,
        [buyerId, key],
      );
      return row ? { id: row.id, lines: await linesOf(row.id) } : null;
    },
    async products(ids) {
      const rows = await q<TProductRecord>(PRODUCTS, [ids]);
      return new Map(rows.map((p) => [p.id, productRow(p)]));
    },
    async listing(roomId, productId) {
      const [row] = await q<TListingWithProduct>(
        `${LISTING} WHERE rp."roomId" = $1 AND rp."productId" = $2`,
        [roomId, productId],
      );
      return row ? listingOf(row) : null;
    },
    async dealListings(productId) {
      const rows = await q<TListingWithProduct>(
        `${LISTING} WHERE rp."productId" = $1 AND rp."dealPriceMinor" IS NOT NULL AND r."status" <> 'ENDED'`,
        [productId],
      );
      return rows.map(listingOf);
    },
    async unitsSince(buyerId, roomId, productId, since) {
      return sum(
        await q<{ n: string | null }>(
          `SELECT SUM(l."quantity") AS n FROM "Order" o JOIN "OrderLine" l ON l."orderId" = o."id"
           WHERE o."buyerId" = $1 AND l."roomId" = $2 AND l."productId" = $3 AND o."createdAt" >= $4
           AND o."status" IN ('PENDING_PAYMENT', 'PAID')`,
          [buyerId, roomId, productId, iso(since ?? new Date(0))],
        ),
      );
    },
    async heldUnits(buyerId, productId) {
      return sum(
        await q<{ n: string | null }>(
          `SELECT SUM(l."quantity") AS n FROM "Order" o JOIN "OrderLine" l ON l."orderId" = o."id"
           WHERE o."buyerId" = $1 AND l."productId" = $2 AND o."status" = 'PENDING_PAYMENT'`,
          [buyerId, productId],
        ),
      );
    },
    async releaseExpired(productIds, now) {
      const expired = await change<{ id: string }>(
        `UPDATE "Order" SET "status" = 'EXPIRED', "failureReason" = $3, "updatedAt" = $2
         WHERE "status" = 'PENDING_PAYMENT' AND "expiresAt" <= $2 AND "id" IN
           (SELECT l."orderId" FROM "OrderLine" l WHERE l."productId" = ANY($1))
         RETURNING "id"`,
        [productIds, iso(now), EXPIRED_REASON],
      );
      const restocked = new Set<string>();
      for (const { id } of expired) {
        for (const line of await linesOf(id)) {
          await change(`UPDATE "Product" SET "stock" = "stock" + $1 WHERE "id" = $2`, [
            line.quantity,
            line.productId,
          ]);
          restocked.add(line.productId);
        }
      }
      return [...restocked];
    },
    async sweep(now, limit) {
      const expired = await change<{ id: string; productId: string; quantity: number }>(
        `UPDATE "Order" SET "status" = 'EXPIRED', "failureReason" = $3, "updatedAt" = $1
         WHERE "id" IN (SELECT "id" FROM "Order" WHERE "status" = 'PENDING_PAYMENT' AND "expiresAt" <= $1
                        ORDER BY "expiresAt" LIMIT $2 FOR UPDATE SKIP LOCKED)
         AND "status" = 'PENDING_PAYMENT'
         RETURNING "id", "productId", "quantity"`,
        [iso(now), limit, EXPIRED_REASON],
      );
      const restocked = new Set<string>();
      for (const order of expired) {
        const lines = await linesOf(order.id);
        for (const line of lines.length > 0 ? lines : [order]) {
          await change(`UPDATE "Product" SET "stock" = "stock" + $1 WHERE "id" = $2`, [
            line.quantity,
            line.productId,
          ]);
          restocked.add(line.productId);
        }
      }
      return { released: expired.length, restocked: [...restocked] };
    },
    async take(productId, quantity) {
      const res = await write(
        `UPDATE "Product" SET "stock" = "stock" - $1 WHERE "id" = $2 AND "archivedAt" IS NULL AND "stock" >= $1`,
        [quantity, productId],
      );
      return res.rowCount === 1;
    },
    insertOrder(o) {
      return writes.insertOrders([o]);
    },
  };
  return ops;
}

/**
 * The checkout store on PostgreSQL, on Prisma's own pool. A batch locks its products first, in id order
 * (`FOR UPDATE`), so two batches (in this or another web process) wait for each other instead of
 * deadlocking, and every check inside sees the stock as the batch's own writes left it.
 */
export function postgresStore(pool: pg.Pool, parallel: number): TReserveStore {
  return {
    parallel,
    async transaction(productIds, fn) {
      const client = await pool.connect();
      // A server that ends the connection between two of our queries (a restart, an admin's terminate)
      // makes the client emit "error" with no query to reject: with no listener that is an uncaught
      // exception. The next query fails anyway, and the dead client is discarded, not pooled again.
      let lost: Error | null = null;
      const onLost = (err: Error) => {
        lost = err;
      };
      client.on("error", onLost);
      try {
        // Not awaited here: the batch's reads follow them in the same flight (opsOf).
        const begun = Promise.all([
          client.query("BEGIN"),
          client.query(
            named(`SELECT 1 FROM "Product" WHERE "id" = ANY($1) ORDER BY "id" FOR UPDATE`, [
              [...new Set(productIds)],
            ]),
          ),
        ]);
        begun.catch(() => undefined);
        const out = await fn(opsOf(client, begun));
        await begun;
        await client.query("COMMIT");
        return out;
      } catch (err) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw err;
      } finally {
        client.removeListener("error", onLost);
        client.release(lost ?? undefined);
      }
    },
  };
}
