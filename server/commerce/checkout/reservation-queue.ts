import { createLogger } from "@/server/log";
import { withBusyRetry } from "@/server/commerce/with-busy-retry";
import type { TReserveStore } from "@/server/commerce/checkout/store";
import { reserveCart, type TReserveJob, type TReserveOutcome } from "@/server/commerce/checkout/reserve-cart";

const log = createLogger("commerce:checkout");

/**
 * A batch commits at most this many checkouts: ~10 µs of SQL each on SQLite, so even a full batch keeps
 * the write lock ~5 ms, short enough that chat nodes writing to the same file barely wait.
 */
const MAX_BATCH = 500;

type TPending = { job: TReserveJob; resolve: (o: TReserveOutcome) => void; reject: (e: unknown) => void };

/**
 * Group commit: checkouts that arrive while a batch is being written wait for the next one, and every
 * checkout of a batch shares one transaction and one commit (one fsync on SQLite, one row lock on
 * PostgreSQL) instead of one each. A burst of 2,000 buyers becomes a few dozen commits.
 */
export class ReservationQueue {
  private pending: TPending[] = [];
  private running = 0;
  private scheduled = false;

  constructor(private readonly store: TReserveStore) {}

  submit(job: TReserveJob): Promise<TReserveOutcome> {
    return new Promise((resolve, reject) => {
      this.pending.push({ job, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.running >= this.store.parallel) return;
    this.scheduled = true;
    // setImmediate: every request parsed in this turn of the event loop joins the batch.
    setImmediate(() => {
      this.scheduled = false;
      while (this.running < this.store.parallel && this.pending.length > 0) {
        void this.run(this.pending.splice(0, MAX_BATCH));
      }
    });
  }

  private async run(batch: TPending[]): Promise<void> {
    this.running++;
    try {
      const outcomes = await this.commit(batch.map((p) => p.job));
      batch.forEach((p, i) => p.resolve(outcomes[i]!));
    } catch (err) {
      if (batch.length === 1) {
        batch[0]!.reject(err);
      } else {
        // One checkout broke the batch (rolled back as a whole): run each alone, so only it fails.
        log.warn({ err, size: batch.length }, "batch failed; retrying its checkouts one by one");
        for (const p of batch) {
          await this.commit([p.job]).then((o) => p.resolve(o[0]!), p.reject);
        }
      }
    } finally {
      this.running--;
      if (this.pending.length > 0) this.schedule();
    }
  }

  /** Releases expired holds in one short transaction of its own (the sweeper). */
  sweep(now: Date, limit: number): Promise<{ released: number; restocked: string[] }> {
    return withBusyRetry("sweep expired holds", () =>
      this.store.transaction([], (ops) => ops.sweep(now, limit)),
    );
  }

  private commit(jobs: TReserveJob[]): Promise<TReserveOutcome[]> {
    const productIds = jobs.flatMap((j) => j.lines.map((l) => l.productId));
    return withBusyRetry("checkout batch", () =>
      this.store.transaction(productIds, async (ops) => {
        const batch = ops.forBatch ? await ops.forBatch(jobs) : null;
        const out: TReserveOutcome[] = [];
        for (const job of jobs) out.push(await reserveCart(batch ?? ops, job));
        await batch?.flush();
        return out;
      }),
    );
  }
}
