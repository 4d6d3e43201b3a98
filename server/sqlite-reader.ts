import Database from "better-sqlite3";
import { processSlot } from "@/server/process-state";

/**
 * The process's read connection to the SQLite file, apart from the Prisma connection and the checkout's
 * writer: in WAL mode its reads neither wait for nor block their writes (a Prisma read queues behind the
 * process's one lock, server/sqlite-serial-adapter.ts, which every checkout batch holds), and a prepared
 * statement on it runs in microseconds. For short hot reads: the session behind each request, a product's
 * state for `product:update`.
 */
export function sqliteReader(file: string): Database.Database {
  const slot = processSlot<{ file: string; conn: Database.Database }>("sqlite-reader");
  if (slot.current?.file !== file) {
    // Not opened read-only: a read-only connection cannot create the WAL index (-shm) when it is the first
    // to open the file; query_only keeps it from writing anything else.
    const conn = new Database(file, { fileMustExist: true, timeout: 2000 });
    conn.pragma("query_only = ON");
    slot.current = { file, conn };
  }
  return slot.current.conn;
}
