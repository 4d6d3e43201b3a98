/**
 * The master lease: of the masters sharing one database, only the holder is active (takes slaves and
 * answers /internal/*); the others wait as standby. Two backends behind one interface, both tied to a live
 * connection or process rather than a clock, so a dead holder loses the lease at once:
 * PostgreSQL (lease-postgres.ts) and SQLite on one machine (lease-sqlite.ts).
 */
import { hostname } from "node:os";
import { isPostgres } from "@/server/db";
import { PostgresLease } from "@/server/chat/master/lease-postgres";
import { SqliteLease } from "@/server/chat/master/lease-sqlite";

export interface TMasterLease {
  readonly backend: "postgres" | "sqlite";
  /** Takes the lease when it is free; verifies it when held. True while this process holds it. Never throws. */
  check(): Promise<boolean>;
  /** Gives the lease up (clean stop), so a standby takes over at once. */
  release(): Promise<void>;
}

/** How often a standby tries to take the lease, and how often the holder verifies it. */
export const STANDBY_POLL_MS = 250;
export const HOLDER_CHECK_MS = 1000;

/** Who holds a lease, for logs and /health: host, pid and port. */
export const leaseHolderId = (port: number) => `${hostname()}:${process.pid}:${port}`;

/** The lease for DATABASE_URL's backend. `onLost` runs as soon as a held lease's connection breaks. */
export function createMasterLease(databaseUrl: string, onLost: () => void): TMasterLease {
  return isPostgres(databaseUrl) ? new PostgresLease(databaseUrl, onLost) : new SqliteLease(databaseUrl);
}

/**
 * Runs a lease: polls it (fast while standby, slower while held) and reports every change of `held`.
 * A change is reported once, in order; `stop()` releases the lease.
 */
export class LeaseKeeper {
  held = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly lease: TMasterLease,
    private readonly onChange: (held: boolean) => void,
  ) {}

  start(): void {
    this.schedule(0);
  }

  /** Check now (the lease connection broke, for instance), not at the next tick. */
  poke(): void {
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    await this.lease.release();
    if (this.held) {
      this.held = false;
      this.onChange(false);
    }
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.running.then(() => this.tick());
    }, ms);
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    const held = await this.lease.check();
    if (this.stopped) return;
    if (held !== this.held) {
      this.held = held;
      this.onChange(held);
    }
    this.schedule(held ? HOLDER_CHECK_MS : STANDBY_POLL_MS);
  }
}
