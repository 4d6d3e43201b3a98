/**
 * The checkout store on a real PostgreSQL. Its connection is ended by the server while a batch holds it
 * (what a PostgreSQL restart does): the batch fails, the process stays up (vitest fails the run on an
 * uncaught "error" event), and the pool serves the next batch on a new connection. Its statements are
 * prepared once per connection and reused. Its connections are pipelined (as server/db.ts opens them): a batch
 * sends its reads behind BEGIN and the lock without waiting, and a lock that fails leaves nothing written.
 */
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { postgresStore } from "@/server/commerce/checkout/store-postgres";
import { freshDatabaseUrl, testingPostgres } from "@/server/test/fresh-database";

describe.skipIf(!testingPostgres())("PostgreSQL checkout store", () => {
  const url = testingPostgres() ? freshDatabaseUrl("store_pg") : "";
  const pool = new pg.Pool({ connectionString: url, max: 2, pipeline: true });
  pool.on("error", () => undefined);
  afterAll(() => pool.end());

  it("survives the server ending its connection between two queries of a batch", async () => {
    await pool.query(`CREATE TABLE "Product" ("id" text PRIMARY KEY)`);
    const store = postgresStore(pool, 1);
    const failed = store.transaction(["p1"], async () => {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'",
      );
      await admin.end();
      // Let the termination notice arrive while no query of the batch is running.
      await new Promise((resolve) => setTimeout(resolve, 200));
      return "not reached";
    });
    await expect(failed).rejects.toThrow();
    await expect(store.transaction(["p1"], () => Promise.resolve("next batch"))).resolves.toBe("next batch");
  });

  it("prepares each statement once per connection and runs it again by name", async () => {
    await pool.query(`CREATE TABLE IF NOT EXISTS "Product" ("id" text PRIMARY KEY)`);
    const one = new pg.Pool({ connectionString: url, max: 1, pipeline: true });
    const store = postgresStore(one, 1);
    for (let i = 0; i < 3; i++) await store.transaction(["p1", "p2"], () => Promise.resolve(i));
    // The pool's one connection: the session that ran the batches.
    const { rows } = await one.query<{ name: string; statement: string }>(
      `SELECT name, statement FROM pg_prepared_statements WHERE name LIKE 'onair-checkout-%'`,
    );
    await one.end();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.statement).toContain("FOR UPDATE");
  });

  it("writes nothing when the lock it sent ahead fails, though its reads went out behind it", async () => {
    await pool.query(
      `CREATE TABLE IF NOT EXISTS "Product" ("id" text PRIMARY KEY, "stock" int NOT NULL DEFAULT 0, "archivedAt" timestamp(3))`,
    );
    await pool.query(`ALTER TABLE "Product" ADD COLUMN IF NOT EXISTS "stock" int NOT NULL DEFAULT 0`);
    await pool.query(`ALTER TABLE "Product" ADD COLUMN IF NOT EXISTS "archivedAt" timestamp(3)`);
    await pool.query(`INSERT INTO "Product" ("id", "stock") VALUES ('p3', 5) ON CONFLICT ("id") DO NOTHING`);
    // Another session holds the product's row; this store gives up waiting for it after 100 ms.
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    await holder.query(`BEGIN`);
    await holder.query(`SELECT 1 FROM "Product" WHERE "id" = 'p3' FOR UPDATE`);
    const impatient = new pg.Pool({
      connectionString: url,
      max: 1,
      pipeline: true,
      options: "-c lock_timeout=100",
    });
    const store = postgresStore(impatient, 1);
    const batch = store.transaction(["p3"], (ops) => ops.take("p3", 2));
    await expect(batch).rejects.toThrow(/lock timeout/);
    await holder.query(`COMMIT`);
    await holder.end();
    await impatient.end();
    const { rows } = await pool.query<{ stock: number }>(`SELECT "stock" FROM "Product" WHERE "id" = 'p3'`);
    expect(rows[0]!.stock).toBe(5);
  });
});
