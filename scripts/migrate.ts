/**
 * Brings the database to the latest migration. SQLite: `prisma migrate deploy` with the JS schema engine,
 * then WAL mode so the web tier and every chat node can share the file. PostgreSQL: scripts/migrate-postgres.ts.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { envPart, ZDatabaseEnv } from "@/server/env";

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

if (import.meta.url === `file://${process.argv[1]}`) {
  migrate();
  console.log("Database is at the latest migration.");
}
