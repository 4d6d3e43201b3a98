import Database from "better-sqlite3";

/** Prisma's SQLite text form of a DateTime ("2026-12-05T07:49:08.527+00:00"): it sorts as it compares. */
export const sqliteDate = (d: Date) => d.toISOString().replace("Z", "+00:00");

/**
 * A write connection of its own to the database file, for the hot paths that bypass Prisma (the checkout's
 * store, a chat slave's messages). Use it only while holding the lock that this process's Prisma connection
 * also takes (server/sqlite-serial-adapter.ts), so the two never interleave; other processes wait on
 * SQLite's busy timeout, as Prisma's connection does.
 */
export function openSqliteWriter(file: string): Database.Database {
  const conn = new Database(file, { timeout: 10_000 });
  conn.pragma("journal_mode = WAL");
  conn.pragma("foreign_keys = ON");
  return conn;
}
