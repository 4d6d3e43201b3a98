import Database from "better-sqlite3";
import { sqlitePath } from "@/scripts/migrate";

/**
 * SQLite lease (one machine): an exclusive transaction held open on a small sidecar database next to the
 * main one (`<db>.master-lease`). SQLite's exclusive lock is an OS file lock (fcntl), which the kernel
 * drops the moment the holding process dies, so a standby's next try (every 250 ms) succeeds; nothing
 * depends on clocks or expiry times. The main database is never locked by it. Needs a local filesystem.
 */
export class SqliteLease {
  readonly backend = "sqlite";
  private db: Database.Database | null = null;

  constructor(private readonly url: string) {}

  /** The sidecar file for a DATABASE_URL. */
  static pathFor(url: string): string {
    return `${sqlitePath(url)}.master-lease`;
  }

  async check(): Promise<boolean> {
    try {
      // busy timeout 0: a held lock answers SQLITE_BUSY at once instead of blocking the event loop.
      const db = (this.db ??= new Database(SqliteLease.pathFor(this.url), { timeout: 0 }));
      if (db.inTransaction) return true;
      // The table makes the file non-empty: an exclusive lock on a 0-byte file is not reliable.
      db.exec("CREATE TABLE IF NOT EXISTS lease (holder TEXT NOT NULL, since INTEGER NOT NULL)");
      db.exec("BEGIN EXCLUSIVE");
      db.prepare("DELETE FROM lease").run();
      db.prepare("INSERT INTO lease (holder, since) VALUES (?, ?)").run(`pid ${process.pid}`, Date.now());
      return true;
    } catch {
      if (this.db?.inTransaction) this.db.exec("ROLLBACK");
      return Promise.resolve(false);
    }
  }

  async release(): Promise<void> {
    const db = this.db;
    this.db = null;
    if (!db) return;
    if (db.inTransaction) db.exec("ROLLBACK");
    db.close();
    return Promise.resolve();
  }
}
