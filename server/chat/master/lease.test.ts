import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { freshDatabaseUrl, testingPostgres } from "@/server/test/fresh-database";
import { waitFor } from "@/server/test/wait-for";
import { LeaseKeeper } from "@/server/chat/master/lease";
import { PostgresLease } from "@/server/chat/master/lease-postgres";
import { SqliteLease } from "@/server/chat/master/lease-sqlite";

const dir = mkdtempSync(path.join(tmpdir(), "onair-lease-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const until = (probe: () => boolean, what: string) => waitFor(probe, 5000, what, 20);

describe("SQLite master lease", () => {
  it("admits one holder at a time and passes on when released", async () => {
    const url = `file:${path.join(dir, "a.db")}`;
    const a = new SqliteLease(url);
    const b = new SqliteLease(url);
    expect(await a.check()).toBe(true);
    expect(await b.check()).toBe(false);
    expect(await a.check()).toBe(true);
    await a.release();
    expect(await b.check()).toBe(true);
    expect(await a.check()).toBe(false);
    await b.release();
  });

  it("a keeper reports each change once and releases on stop", async () => {
    const url = `file:${path.join(dir, "b.db")}`;
    const changes: boolean[] = [];
    const first = new LeaseKeeper(new SqliteLease(url), (held) => changes.push(held));
    first.start();
    await until(() => first.held, "first keeper holds");
    const second = new LeaseKeeper(new SqliteLease(url), () => undefined);
    second.start();
    await new Promise((r) => setTimeout(r, 600));
    expect(second.held).toBe(false);
    const stoppedAt = Date.now();
    await first.stop();
    await until(() => second.held, "standby takes over");
    expect(Date.now() - stoppedAt).toBeLessThan(1000);
    expect(changes).toEqual([true, false]);
    await second.stop();
  });
});

describe.skipIf(!testingPostgres())("PostgreSQL master lease", () => {
  const url = testingPostgres() ? freshDatabaseUrl("lease") : "";

  it("admits one holder; a holder whose session dies loses the lease at once and the standby gets it", async () => {
    let lost = 0;
    const a = new PostgresLease(url, () => (lost += 1));
    const b = new PostgresLease(url, () => undefined);
    expect(await a.check()).toBe(true);
    expect(await b.check()).toBe(false);
    expect(await a.check()).toBe(true);

    // What a PostgreSQL restart or a dead network does to the holder's session.
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const killed = await admin.query<{ n: string }>(
      "SELECT count(pg_terminate_backend(pid))::text AS n FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid()",
    );
    await admin.end();
    expect(killed.rows[0]?.n).toBe("1");
    await until(() => lost === 1, "holder notices the lost session");
    expect(await b.check()).toBe(true);
    expect(await a.check()).toBe(false);
    await b.release();
    expect(await a.check()).toBe(true);
    await a.release();
  });
});
