/**
 * Applies prisma/postgres/migrations/* to a PostgreSQL database, in order, each in its own transaction,
 * recorded in `_onair_migrations`. Prisma's JS schema engine cannot migrate PostgreSQL yet (prisma/orm#27403),
 * so this plays the part of `prisma migrate deploy`; an advisory lock keeps two starting hosts from racing.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { envPart, ZDatabaseEnv } from "@/server/env";
import { BASELINE, baselineSql, baselineStep, squashedNames } from "./migration-baseline";

const DIR = path.resolve("prisma/postgres/migrations");
const LOCK_KEY = 7_210_410_001;

export async function migratePostgres(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS "_onair_migrations" (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
    );
    const recorded = (await client.query<{ name: string }>('SELECT name FROM "_onair_migrations"')).rows;
    const done = new Set(recorded.map((r) => r.name));
    // A database made before the squash moves onto the baseline by its history alone (migration-baseline.ts).
    const step = baselineStep([...done], squashedNames(baselineSql(DIR)));
    if (step.kind === "refuse") throw new Error(step.message);
    if (step.kind === "adopt") {
      await client.query("BEGIN");
      await client.query('DELETE FROM "_onair_migrations" WHERE name = ANY($1)', [step.squashed]);
      await client.query('INSERT INTO "_onair_migrations" (name) VALUES ($1)', [BASELINE]);
      await client.query("COMMIT");
      for (const name of step.squashed) done.delete(name);
      done.add(BASELINE);
    }
    const pending = readdirSync(DIR, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !done.has(e.name))
      .map((e) => e.name)
      .sort();
    for (const name of pending) {
      const sql = readFileSync(path.join(DIR, name, "migration.sql"), "utf8");
      await client.query("BEGIN");
      try {
        await client.query(sql);
        await client.query('INSERT INTO "_onair_migrations" (name) VALUES ($1)', [name]);
        await client.query("COMMIT");
        applied.push(name);
      } catch (err) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${name} failed: ${(err as Error).message}`);
      }
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
  return applied;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  migratePostgres(envPart(ZDatabaseEnv).DATABASE_URL)
    .then((applied) =>
      console.log(
        applied.length ? `applied ${applied.join(", ")}` : "PostgreSQL is at the latest migration.",
      ),
    )
    .catch((err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    });
}
