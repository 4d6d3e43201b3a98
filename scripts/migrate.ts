/**
 * Brings the database to the latest migration. SQLite: `prisma migrate deploy` with the JS schema engine,
 * then WAL mode so the web tier and every chat node can share the file. PostgreSQL: scripts/migrate-postgres.ts.
 */
import { spawnSync } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { envPart, ZDatabaseEnv } from "@/server/env";
import { BASELINE, baselineSql, baselineStep, squashedNames } from "./migration-baseline";

export function sqlitePath(url: string): string {
  return path.resolve(url.replace(/^file:/, "").replace(/\?.*$/, ""));
}

/** Applies every committed migration to DATABASE_URL (default ./data/onair.db). */
export function migrate(): void {
  const url = envPart(ZDatabaseEnv).DATABASE_URL;
  process.env.DATABASE_URL = url; // the default, for the migration's child process
  if (/^postgres(ql)?:\/\//.test(url)) {
    // Synchronous like the SQLite path, so start-up and test set-up stay simple.
    const result = spawnSync(
      process.execPath,
      ["--import", "tsx", path.resolve("scripts/migrate-postgres.ts")],
      {
        env: process.env,
        encoding: "utf8",
      },
    );
    if (result.status !== 0)
      throw new Error(`PostgreSQL migration failed:\n${result.stdout}\n${result.stderr}`);
    return;
  }
  const file = sqlitePath(url);
  mkdirSync(path.dirname(file), { recursive: true });
  if (existsSync(file)) adoptBaseline(file);
  const prismaBin = path.resolve("node_modules/prisma/build/index.js");
  const result = spawnSync(process.execPath, [prismaBin, "migrate", "deploy"], {
    env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(`prisma migrate deploy failed:\n${result.stdout}\n${result.stderr}`);
  }
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.close();
}

/**
 * Moves a database made before the baseline onto it (scripts/migration-baseline.ts): one transaction swaps
 * the old names in Prisma's history for the baseline's row, with the checksum Prisma gives a migration
 * (the SHA-256 of its file), so `prisma migrate deploy` sees nothing to run.
 */
function adoptBaseline(file: string): void {
  const db = new Database(file);
  try {
    const hasHistory = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'")
      .get();
    if (!hasHistory) return;
    const applied = db
      .prepare<[], { name: string }>(
        "SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
      )
      .all()
      .map((row) => row.name);
    const sql = baselineSql(path.resolve("prisma/migrations"));
    const step = baselineStep(applied, squashedNames(sql));
    if (step.kind === "refuse") throw new Error(step.message);
    if (step.kind === "none") return;
    const now = new Date().toISOString().replace("Z", "+00:00");
    const checksum = createHash("sha256").update(sql).digest("hex");
    db.transaction(() => {
      const forget = db.prepare("DELETE FROM _prisma_migrations WHERE migration_name = ?");
      for (const name of step.squashed) forget.run(name);
      db.prepare(
        "INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count) VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)",
      ).run(randomUUID(), checksum, now, BASELINE, now);
    })();
  } finally {
    db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  migrate();
  console.log("Database is at the latest migration.");
}
