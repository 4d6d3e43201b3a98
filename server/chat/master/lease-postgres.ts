import pg from "pg";

/** pg_try_advisory_lock(int, int) key: distinct from the migration lock (scripts/migrate-postgres.ts). */
const LOCK_CLASS = 7_210_410;
const LOCK_ID = 2;
/**
 * Server-side keepalives on the lease session: if the holder's host vanishes without closing its TCP
 * connection, PostgreSQL ends the session (and frees the lock) after ~4 s instead of the OS default hours.
 */
const SESSION_OPTIONS = "-c tcp_keepalives_idle=2 -c tcp_keepalives_interval=1 -c tcp_keepalives_count=2";

/**
 * PostgreSQL lease: a session-level advisory lock on one dedicated connection, held open. The lock lives
 * exactly as long as that session: a killed holder's connection closes and the lock is free at once;
 * a holder that loses its connection (PostgreSQL restart, network) has lost the lease and must stand down.
 */
export class PostgresLease {
  readonly backend = "postgres";
  private client: pg.Client | null = null;
  private held = false;

  constructor(
    private readonly url: string,
    private readonly onLost: () => void,
  ) {}

  async check(): Promise<boolean> {
    try {
      const client = this.client ?? (await this.connect());
      if (this.held) {
        await client.query("SELECT 1");
        return true;
      }
      const res = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS ok", [
        LOCK_CLASS,
        LOCK_ID,
      ]);
      this.held = res.rows[0]?.ok === true;
      return this.held;
    } catch {
      this.drop();
      return false;
    }
  }

  async release(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.held = false;
    if (!client) return;
    // Ending the session frees the lock; unlocking first makes it explicit in pg logs and stats.
    await client.query("SELECT pg_advisory_unlock($1, $2)", [LOCK_CLASS, LOCK_ID]).catch(() => undefined);
    await client.end().catch(() => undefined);
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: this.url,
      connectionTimeoutMillis: 2000,
      query_timeout: 2000,
      keepAlive: true,
      application_name: "onair-master-lease",
      options: SESSION_OPTIONS,
    });
    const lost = () => {
      if (this.client !== client) return;
      const wasHeld = this.held;
      this.drop();
      if (wasHeld) this.onLost();
    };
    client.on("error", lost);
    client.on("end", lost);
    this.client = client;
    try {
      await client.connect();
    } catch (err) {
      this.drop();
      throw err;
    }
    return client;
  }

  private drop(): void {
    const client = this.client;
    this.client = null;
    this.held = false;
    client?.removeAllListeners("end");
    // An 'error' after drop must not crash the process.
    client?.on("error", () => undefined);
    void client?.end().catch(() => undefined);
  }
}
