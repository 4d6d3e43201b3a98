import type pg from "pg";
import type { TListingRow, TReserveStore, TStoreOps } from "@/server/commerce/checkout/store";
import { batchOps } from "@/server/commerce/checkout/batch-ops";
import { postgresWrites, readSnapshot } from "@/server/commerce/checkout/batch-postgres";
import { productRow, type TProductRecord } from "@/server/commerce/product-row";

// Prisma keeps UTC in TIMESTAMP(3) (no zone): read them AT TIME ZONE 'UTC' and write ISO strings (a zone in
// the input of a zone-less timestamp is ignored), so the session's TimeZone never shifts a deal or a hold.
const LISTING = `SELECT rp."roomId", r."status" AS "roomStatus", rp."dealPriceMinor",
  rp."dealStartedAt" AT TIME ZONE 'UTC' AS "dealStartedAt", rp."dealEndsAt" AT TIME ZONE 'UTC' AS "dealEndsAt",
  rp."dealLimitPerBuyer" FROM "RoomProduct" rp JOIN "Room" r ON r."id" = rp."roomId"`;
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

function opsOf(c: pg.PoolClient): TStoreOps {
  const q = async <R extends pg.QueryResultRow>(text: string, values: unknown[]) =>
    (await c.query<R>(named(text, values))).rows;
  const linesOf = (orderId: string) =>
    q<{ productId: string; quantity: number; roomId: string | null }>(
      `SELECT "productId", "quantity", "roomId" FROM "OrderLine" WHERE "orderId" = $1 ORDER BY "position"`,
      [orderId],
    );
  const ops: TStoreOps = {
    async forBatch(jobs) {
      const writes = postgresWrites(
        q,
        async (text, values) => (await c.query(named(text, values))).rowCount ?? 0,
      );
      return batchOps(ops, await readSnapshot(q, jobs, (ids) => ops.products(ids)), writes);
    },
    async orderByKey(buyerId, key) {
      const [row] = await q<{ id: string }>(
        `SELECT "id" FROM "Order" WHERE "buyerId" = $1 AND "idempotencyKey" = $2`,
        [buyerId, key],
      );
      return row ? { id: row.id, lines: await linesOf(row.id) } : null;
    },
    async products(ids) {
      const rows = await q<TProductRecord>(
        `SELECT "id", "name", "imageUrl", "priceMinor", "currency", "stock", "archivedAt" FROM "Product" WHERE "id" = ANY($1)`,
        [ids],
      );
      return new Map(rows.map((p) => [p.id, productRow(p)]));
    },
    async listing(roomId, productId) {
      const [row] = await q<TListingRow>(`${LISTING} WHERE rp."roomId" = $1 AND rp."productId" = $2`, [
        roomId,
        productId,
      ]);
      return row ?? null;
    },
    dealListings(productId) {
      return q<TListingRow>(
        `${LISTING} WHERE rp."productId" = $1 AND rp."dealPriceMinor" IS NOT NULL AND r."status" <> 'ENDED'`,
        [productId],
      );
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
      const expired = await q<{ id: string }>(
        `UPDATE "Order" SET "status" = 'EXPIRED', "failureReason" = $3, "updatedAt" = $2
         WHERE "status" = 'PENDING_PAYMENT' AND "expiresAt" <= $2 AND "id" IN
           (SELECT l."orderId" FROM "OrderLine" l WHERE l."productId" = ANY($1))
         RETURNING "id"`,
        [productIds, iso(now), EXPIRED_REASON],
      );
      const restocked = new Set<string>();
      for (const { id } of expired) {
        for (const line of await linesOf(id)) {
          await q(`UPDATE "Product" SET "stock" = "stock" + $1 WHERE "id" = $2`, [
            line.quantity,
            line.productId,
          ]);
          restocked.add(line.productId);
        }
      }
      return [...restocked];
    },
    async sweep(now, limit) {
      const expired = await q<{ id: string; productId: string; quantity: number }>(
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
          await q(`UPDATE "Product" SET "stock" = "stock" + $1 WHERE "id" = $2`, [
            line.quantity,
            line.productId,
          ]);
          restocked.add(line.productId);
        }
      }
      return { released: expired.length, restocked: [...restocked] };
    },
    async take(productId, quantity) {
      const res = await c.query(
        named(
          `UPDATE "Product" SET "stock" = "stock" - $1 WHERE "id" = $2 AND "archivedAt" IS NULL AND "stock" >= $1`,
          [quantity, productId],
        ),
      );
      return res.rowCount === 1;
    },
    async insertOrder(o) {
      const first = o.lines[0]!;
      await q(
        `INSERT INTO "Order" ("id", "buyerId", "productId", "roomId", "quantity", "unitPriceMinor", "totalMinor",
         "currency", "status", "idempotencyKey", "expiresAt", "createdAt", "updatedAt")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'PENDING_PAYMENT', $9, $10, $11, $11)`,
        [
          o.id,
          o.buyerId,
          first.productId,
          o.roomId,
          first.quantity,
          first.unitPriceMinor,
          o.totalMinor,
          o.currency,
          o.idempotencyKey,
          iso(o.expiresAt),
          iso(o.createdAt),
        ],
      );
      // One statement for every line (unnest), not one round trip each.
      await q(
        `INSERT INTO "OrderLine" ("id", "orderId", "productId", "roomId", "position", "quantity", "unitPriceMinor", "totalMinor")
         SELECT l.id, $1, l."productId", l."roomId", l.position, l.quantity, l."unitPriceMinor", l."totalMinor"
         FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::int[], $8::int[])
           AS l(id, "productId", "roomId", position, quantity, "unitPriceMinor", "totalMinor")`,
        [
          o.id,
          o.lines.map((l) => l.id),
          o.lines.map((l) => l.productId),
          o.lines.map((l) => l.roomId),
          o.lines.map((_, i) => i),
          o.lines.map((l) => l.quantity),
          o.lines.map((l) => l.unitPriceMinor),
          o.lines.map((l) => l.totalMinor),
        ],
      );
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
        await client.query("BEGIN");
        await client.query(
          named(`SELECT 1 FROM "Product" WHERE "id" = ANY($1) ORDER BY "id" FOR UPDATE`, [
            [...new Set(productIds)],
          ]),
        );
        const out = await fn(opsOf(client));
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
