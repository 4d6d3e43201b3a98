import { createHash } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { freshDatabaseUrl, testingPostgres } from "@/server/test/fresh-database";
import { migrate, sqlitePath } from "./migrate";
import { migratePostgres } from "./migrate-postgres";
import { BASELINE, baselineSql, baselineStep, squashedNames } from "./migration-baseline";

const SQLITE_DIR = path.resolve("prisma/migrations");
const POSTGRES_DIR = path.resolve("prisma/postgres/migrations");

describe("the migration baseline", () => {
  it("names the old migrations it holds, in order, for each database", () => {
    const sqlite = squashedNames(baselineSql(SQLITE_DIR));
    const postgres = squashedNames(baselineSql(POSTGRES_DIR));
    expect(sqlite).toHaveLength(9);
    expect(postgres).toHaveLength(7);
    for (const names of [sqlite, postgres]) {
      expect(names[0]).toBe("0001_init");
      expect(names).toEqual([...names].sort());
    }
  });

  it("adopts a history with every old migration, refuses one with some, leaves the rest alone", () => {
    const old = ["0001_init", "0002_b", "0003_c"];
    expect(baselineStep([], old)).toEqual({ kind: "none" });
    expect(baselineStep([BASELINE], old)).toEqual({ kind: "none" });
    expect(baselineStep(old, old)).toEqual({ kind: "adopt", squashed: old });
    const partial = baselineStep(["0001_init", "0003_c"], old);
    expect(partial.kind).toBe("refuse");
    expect(partial.kind === "refuse" && partial.message).toContain("lacks 0002_b");
  });
});

/**
 * A SQLite database as an install from before the squash left it: the schema, the old history, a user.
 * Closed before it is returned: `prisma migrate deploy` gives up on a file another connection has open.
 */
function sqliteFromBeforeTheSquash(omit: string[] = []): string {
  const url = freshDatabaseUrl("baseline sqlite");
  process.env.DATABASE_URL = url;
  migrate();
  const db = new Database(sqlitePath(url));
  db.prepare("DELETE FROM _prisma_migrations").run();
  const record = db.prepare(
    "INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, 'old', '2026-11-01T00:00:00.000+00:00', ?, '2026-11-01T00:00:00.000+00:00', 1)",
  );
  for (const name of squashedNames(baselineSql(SQLITE_DIR)).filter((n) => !omit.includes(n)))
    record.run(`id-${name}`, name);
  db.prepare(
    "INSERT INTO User (id, email, name, passwordHash, updatedAt) VALUES ('u1', 'old@example.com', 'Old', 'x', CURRENT_TIMESTAMP)",
  ).run();
  db.close();
  return url;
}

/** Its history and users, read on a connection of its own. */
function read(url: string) {
  const db = new Database(sqlitePath(url), { readonly: true });
  try {
    return {
      history: db
        .prepare("SELECT migration_name AS name, checksum FROM _prisma_migrations ORDER BY migration_name")
        .all(),
      users: db.prepare("SELECT email FROM User").all(),
    };
  } finally {
    db.close();
  }
}

describe.skipIf(testingPostgres())("SQLite: an install from before the squash", () => {
  it("moves onto the baseline without running it, keeps its rows, and a second start changes nothing", () => {
    const url = sqliteFromBeforeTheSquash();
    const checksum = createHash("sha256").update(baselineSql(SQLITE_DIR)).digest("hex");
    const after = { history: [{ name: BASELINE, checksum }], users: [{ email: "old@example.com" }] };
    migrate();
    expect(read(url)).toEqual(after);
    migrate();
    expect(read(url)).toEqual(after);
  });

  it("is refused with what it lacks when it has only some old migrations, and is left as it was", () => {
    const url = sqliteFromBeforeTheSquash(["0008_reminders"]);
    const before = read(url);
    expect(before.history).toHaveLength(8);
    expect(() => migrate()).toThrow(/lacks 0008_reminders/);
    expect(read(url)).toEqual(before);
  });
});

describe.runIf(testingPostgres())("PostgreSQL: an install from before the squash", () => {
  it("moves onto the baseline by its history alone and keeps its rows; one lacking a step is refused", async () => {
    const squashed = squashedNames(baselineSql(POSTGRES_DIR));
    for (const omit of [[], [squashed.at(-1)!]]) {
      const url = freshDatabaseUrl("baseline pg");
      await migratePostgres(url);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query('DELETE FROM "_onair_migrations"');
        for (const name of squashed.filter((n) => !omit.includes(n)))
          await client.query('INSERT INTO "_onair_migrations" (name) VALUES ($1)', [name]);
        await client.query(
          `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ('u1', 'old@example.com', 'Old', 'x', now())`,
        );
        const names = async () =>
          (
            await client.query<{ name: string }>('SELECT name FROM "_onair_migrations" ORDER BY name')
          ).rows.map((r) => r.name);
        if (omit.length === 0) {
          expect(await migratePostgres(url)).toEqual([]);
          expect(await names()).toEqual([BASELINE]);
        } else {
          await expect(migratePostgres(url)).rejects.toThrow(`lacks ${omit[0]}`);
          expect(await names()).toEqual(squashed.filter((n) => !omit.includes(n)).sort());
        }
        expect((await client.query('SELECT count(*)::int AS n FROM "User"')).rows).toEqual([{ n: 1 }]);
      } finally {
        await client.end();
      }
    }
  });
});
