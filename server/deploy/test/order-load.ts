/**
 * Steady checkout traffic through the commerce functions (what POST /api/orders calls), against the same
 * database as the chat tier. Every order carries an idempotency key and is retried with it until it is
 * placed, so a request that failed during a fault (database restart) is placed once, not twice.
 */
import { placeOrder } from "@/server/commerce/place-order";
import { db } from "@/server/db";
import { sleep } from "@/server/deploy/test/chat-load";

// Two load buyers keep hundreds of units unpaid; the per-buyer hold limit (409 HOLD_LIMIT after 10, tested
// in server/commerce/check-out.test.ts) would make every later order fail. Lifted for the process that
// runs this load; read on every checkout (server/commerce/config.ts), so it applies at once.
process.env.ORDER_HOLD_LIMIT = "100000";

export type TOrderTally = { placed: number; stored: number; retries: number; failed: number };

export class OrderLoad {
  readonly placed: string[] = [];
  /** When each order in `placed` was confirmed (ms). */
  readonly placedAt: number[] = [];
  retries = 0;
  failed = 0;
  private running = false;
  private loops: Promise<void>[] = [];
  private seq = 0;

  constructor(
    readonly productId: string,
    readonly buyerIds: string[],
  ) {}

  /** Each buyer places an order of one unit about every `everyMs`. */
  start(everyMs = 500): void {
    this.running = true;
    this.loops = this.buyerIds.map(async (buyerId, i) => {
      await sleep((i * everyMs) / this.buyerIds.length);
      for (let n = 0; this.running && n < 100_000; n++) {
        await this.placeOne(buyerId);
        await sleep(everyMs);
      }
    });
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  /** Order ids placed so far (a phase boundary). */
  count(): number {
    return this.placed.length;
  }

  /** When the first order confirmed after `t` was confirmed, or null. */
  firstPlacedAfter(t: number): number | null {
    return this.placedAt.find((at) => at > t) ?? null;
  }

  async tally(from = 0): Promise<TOrderTally> {
    const ids = this.placed.slice(from);
    const stored = await db.order.count({ where: { id: { in: ids } } });
    return { placed: ids.length, stored, retries: this.retries, failed: this.failed };
  }

  private async placeOne(buyerId: string): Promise<void> {
    const idempotencyKey = `load-${process.pid}-${++this.seq}`;
    // Bounded: 40 tries × ≥250 ms covers a database restart with room to spare.
    for (let attempt = 0; attempt < 40; attempt++) {
      try {
        const { order } = await placeOrder(buyerId, {
          productId: this.productId,
          quantity: 1,
          idempotencyKey,
        });
        this.placed.push(order.id);
        this.placedAt.push(Date.now());
        return;
      } catch {
        this.retries += 1;
        await sleep(250);
      }
    }
    this.failed += 1;
  }
}
