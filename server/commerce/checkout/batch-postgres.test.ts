/**
 * A batch of checkouts on PostgreSQL, answered from one snapshot (batch-ops.ts) against the same batch asked
 * statement by statement: the same outcomes and the same stock and orders afterwards, in far fewer statements.
 */
import "@/server/commerce/test/fresh-db";
import pg from "pg";
import { afterAll, describe, expect, it, vi } from "vitest";
import { db, rawDb } from "@/server/db";
import { removeDbFiles } from "@/server/commerce/test/fresh-db";
import { makeProduct, makeShow, makeUser, stockOf } from "@/server/commerce/test/fixtures";
import { reserveCart, type TReserveJob } from "@/server/commerce/checkout/reserve-cart";
import { postgresStore } from "@/server/commerce/checkout/store-postgres";
import { testingPostgres } from "@/server/test/fresh-database";

afterAll(async () => {
  await db.$disconnect();
  removeDbFiles();
});

/** A show with a running deal (limit 2 per buyer) on A (5 units), B (100 units) sold outside it, 4 buyers. */
async function scene() {
  const seller = await makeUser("SELLER");
  const a = await makeProduct({ stock: 5, sellerId: seller.id });
  const b = await makeProduct({ stock: 100, sellerId: seller.id });
  const show = await makeShow(seller.id, [a.id]);
  await db.roomProduct.updateMany({
    where: { roomId: show.id, productId: a.id },
    data: {
      dealPriceMinor: 10000,
      dealStartedAt: new Date(Date.now() - 60_000),
      dealEndsAt: new Date(Date.now() + 600_000),
      dealLimitPerBuyer: 2,
    },
  });
  const buyers = await Promise.all([1, 2, 3, 4].map(() => makeUser()));
  const now = new Date();
  const job = (
    buyer: number,
    lines: [string, number, string | null][],
    key: string | null = null,
  ): TReserveJob => ({
    buyerId: buyers[buyer - 1]!.id,
    lines: lines.map(([productId, quantity, roomId]) => ({ productId, quantity, roomId })),
    idempotencyKey: key,
    now,
    holdSeconds: 600,
    holdLimit: 10,
  });
  const jobs = [
    job(1, [[a.id, 2, show.id]], "k1"),
    job(1, [[a.id, 1, show.id]], "k2"), // over the deal's limit
    job(1, [[a.id, 2, show.id]], "k1"), // the same key again
    job(2, [[a.id, 2, show.id]]),
    job(3, [[a.id, 2, show.id]]), // one unit left
    job(3, [[b.id, 1, show.id]]), // not in that show
    job(4, [
      [a.id, 1, show.id],
      [b.id, 3, null],
    ]),
    job(4, [[b.id, 8, null]]), // 3 + 8 unpaid units > 10
  ];
  return { a, b, jobs };
}

/**
 * Counts statements and waits: a statement sent while none of the connection's is in flight starts a new
 * wait for the database (under a burst, each wait is also a wait for the web process's event loop).
 */
function countStatements() {
  type TQueryFn = (this: pg.Client, ...args: unknown[]) => unknown;
  const target = pg.Client.prototype as unknown as { query: TQueryFn };
  const original = Reflect.get<{ query: TQueryFn }, "query">(target, "query");
  let inFlight = 0;
  let waits = 0;
  const spy = vi.spyOn(target, "query").mockImplementation(function (this: pg.Client, ...args) {
    if (inFlight === 0) waits++;
    inFlight++;
    const done = () => void inFlight--;
    const result = original.apply(this, args) as Promise<unknown>;
    result.then(done, done);
    return result;
  });
  return {
    stop: () => {
      const counted = { statements: spy.mock.calls.length, waits };
      spy.mockRestore();
      return counted;
    },
  };
}

async function runBatch(jobs: TReserveJob[], batched: boolean) {
  const store = postgresStore(rawDb.kind === "postgres" ? rawDb.checkout : (null as never), 1);
  const counting = countStatements();
  const outcomes = await store.transaction(
    jobs.flatMap((j) => j.lines.map((l) => l.productId)),
    async (ops) => {
      const batch = batched ? await ops.forBatch!(jobs) : null;
      const out = [];
      for (const job of jobs) out.push(await reserveCart(batch ?? ops, job));
      await batch?.flush();
      return out;
    },
  );
  return { ...counting.stop(), outcomes: outcomes.map((o) => (o.kind === "refused" ? o.code : o.kind)) };
}

describe.skipIf(!testingPostgres())("a checkout batch on PostgreSQL", () => {
  it("answers as statement-by-statement does, in a handful of statements", async () => {
    const expected = [
      "created",
      "LIMIT_EXCEEDED",
      "existing",
      "created",
      "OUT_OF_STOCK",
      "PRODUCT_NOT_IN_SHOW",
      "created",
      "HOLD_LIMIT",
    ];
    const one = await scene();
    const single = await runBatch(one.jobs, false);
    const two = await scene();
    const batched = await runBatch(two.jobs, true);
    expect(single.outcomes).toEqual(expected);
    expect(batched.outcomes).toEqual(expected);
    expect([await stockOf(two.a.id), await stockOf(two.b.id)]).toEqual([0, 97]);
    expect([await stockOf(two.a.id), await stockOf(two.b.id)]).toEqual([
      await stockOf(one.a.id),
      await stockOf(one.b.id),
    ]);
    const orders = (p: { id: string }) => db.orderLine.count({ where: { productId: p.id } });
    expect([await orders(two.a), await orders(two.b)]).toEqual([await orders(one.a), await orders(one.b)]);
    // BEGIN, the lock, 7 reads (products, keys, listings, deal listings, holds, deal counts, expired holds),
    // 3 writes (stock, orders, lines), COMMIT: 13, whatever the batch's size; one by one it grows with it.
    expect(batched.statements).toBeLessThanOrEqual(13);
    expect(single.statements).toBeGreaterThan(30);
    // And it waits for the database 4 times: BEGIN, the lock and the reads sent together; the deal counts
    // (they need the listings); the writes; COMMIT. One by one, about a wait per statement.
    expect(batched.waits).toBe(4);
    expect(single.waits).toBeGreaterThan(30);
  });
});
