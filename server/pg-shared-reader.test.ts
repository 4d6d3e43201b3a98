/**
 * The shared pipelined read connection on a real PostgreSQL: many reads at once go down one connection and
 * each gets its own answer, a failing read fails alone, and a connection the server ends (a restart, an
 * admin's terminate) is replaced by the next read instead of failing every read after it. An idle connection
 * does not keep a process alive (a worker or a script ends when its work is done).
 */
import { spawnSync } from "node:child_process";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { sharedReader } from "@/server/pg-shared-reader";
import { freshDatabaseUrl, testingPostgres } from "@/server/test/fresh-database";

describe.skipIf(!testingPostgres())("shared PostgreSQL read connection", () => {
  const url = testingPostgres() ? freshDatabaseUrl("shared_reader") : "";
  const lost: Error[] = [];
  const reader = sharedReader(url, (err) => lost.push(err));
  afterAll(() => reader.end());

  const echo = (n: number) =>
    reader.query<{ n: number; pid: number }>({
      name: "echo",
      text: "SELECT $1::int AS n, pg_backend_pid() AS pid",
      values: [n],
    });

  it("answers 500 concurrent reads on one connection, each with its own row", async () => {
    const results = await Promise.all(Array.from({ length: 500 }, (_, i) => echo(i)));
    expect(results.map((r) => r.rows[0]!.n)).toEqual(Array.from({ length: 500 }, (_, i) => i));
    expect(new Set(results.map((r) => r.rows[0]!.pid)).size).toBe(1);
  });

  it("fails only the read that fails", async () => {
    const [before, bad, after] = await Promise.allSettled([
      echo(1),
      reader.query({ text: "SELECT 1 / $1::int AS n", values: [0] }),
      echo(2),
    ]);
    expect(before).toMatchObject({ status: "fulfilled" });
    expect(bad).toMatchObject({ status: "rejected", reason: { message: "division by zero" } });
    expect(after).toMatchObject({ status: "fulfilled", value: { rows: [{ n: 2 }] } });
  });

  it("opens a new connection after the server ended its one", async () => {
    const { pid } = (await echo(1)).rows[0]!;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query("SELECT pg_terminate_backend($1)", [pid]);
    await admin.end();
    // The termination arrives as an "error" event while no read is running.
    await expect.poll(() => lost.length).toBeGreaterThan(0);
    const next = (await echo(3)).rows[0]!;
    expect(next.n).toBe(3);
    expect(next.pid).not.toBe(pid);
  });

  it("lets a process whose reads are done exit", () => {
    const script = `const { sharedReader } = require("@/server/pg-shared-reader");
      sharedReader(process.env.READ_URL, () => undefined)
        .query({ text: "SELECT 7 AS n" })
        .then(({ rows }) => console.log(rows[0].n));`;
    const child = spawnSync(process.execPath, ["--import", "tsx", "-e", script], {
      env: { ...process.env, READ_URL: url },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(child.error).toBeUndefined();
    expect(child.stdout.trim()).toBe("7");
    expect(child.status).toBe(0);
  });
});
