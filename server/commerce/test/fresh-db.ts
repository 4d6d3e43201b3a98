/**
 * Import this FIRST in a commerce test file: it points DATABASE_URL at a new database (a SQLite file, or a
 * PostgreSQL database when TEST_POSTGRES_URL is set), migrates it with the real migrations, before
 * `server/db` loads.
 */
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrate } from "@/scripts/migrate";
import { freshDatabaseUrl, testingPostgres } from "@/server/test/fresh-database";
import { forgetProcessWide } from "@/server/process-state";

export const dbFile = path.join(
  os.tmpdir(),
  `onair-commerce-${process.pid}-${randomBytes(4).toString("hex")}.db`,
);
/** The DATABASE_URL of this test file's database (hand it to any process the test spawns). */
export const dbUrl = testingPostgres() ? freshDatabaseUrl("commerce") : `file:${dbFile}`;
process.env.DATABASE_URL = dbUrl;
process.env.LOG_LEVEL ??= "warn";
// A db client left by an earlier test file (same worker) would point at another database.
forgetProcessWide("database");
migrate();

/** Deletes the database files (call in afterAll, after `db.$disconnect()`). */
export function removeDbFiles(): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(dbFile + suffix, { force: true });
}
