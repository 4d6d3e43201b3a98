/**
 * A new, empty database for one test file or e2e run, on the backend the suite runs against:
 * SQLite by default (a file under the OS temp dir), PostgreSQL when TEST_POSTGRES_URL points at a server
 * (a new database on it, created through the maintenance database named in that URL).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export function testingPostgres(): boolean {
  return Boolean(process.env.TEST_POSTGRES_URL);
}

/** Creates the database (PostgreSQL) or picks a file (SQLite) and returns its DATABASE_URL. */
export function freshDatabaseUrl(label: string): string {
  const admin = process.env.TEST_POSTGRES_URL;
  const safe = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .slice(0, 30);
  if (!admin) {
    const dir = mkdtempSync(path.join(tmpdir(), `onair-${safe}-`));
    return `file:${path.join(dir, "onair.db")}`;
  }
  const name = `onair_t_${safe}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  recreatePostgresDatabase(admin, name);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops (if present) and creates `name` on the server of `adminUrl`, synchronously, with psql. */
export function recreatePostgresDatabase(adminUrl: string, name: string): void {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unsafe database name ${name}`);
  for (const sql of [`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`, `CREATE DATABASE ${name}`]) {
    const result = spawnSync("psql", [adminUrl, "-v", "ON_ERROR_STOP=1", "-q", "-c", sql], {
      encoding: "utf8",
    });
    if (result.status !== 0)
      throw new Error(`psql failed (${sql}): ${result.stderr || result.error?.message}`);
  }
}
