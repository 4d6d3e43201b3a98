import { db } from "@/server/db";

/**
 * Anything this clock was not told about (an auction started while the master was away, a notify that got
 * lost) is found within this long.
 */
export const DUE_REREAD_MS = 2000;

/**
 * When the next running auction or giveaway ends, so the master's 250 ms clock asks the database for due
 * ones only when one can be due. Asking every tick cost 8 Prisma queries a second with nothing running:
 * ~40% of an idle master's CPU and ~7% of the whole tier's at 20 msg/s (bench:chat profile,
 * docs/PERFORMANCE.md). A bid only moves an end later, so a stale (earlier) time costs one empty look.
 */
export class DueClock {
  /** Epoch ms of the earliest known end; 0 = unknown, read on the next tick. */
  private nextDueAt = 0;
  private readAt = 0;

  /** An auction or giveaway started, ended or was bid on: read the next end again. */
  changed(): void {
    this.nextDueAt = 0;
  }

  /** Whether something may be due at `now` (reads the next end from the DB when stale). */
  async mayBeDue(now: number): Promise<boolean> {
    if (this.nextDueAt === 0 || now - this.readAt >= DUE_REREAD_MS) {
      this.readAt = now;
      this.nextDueAt = await readNextEnd();
    }
    return this.nextDueAt <= now;
  }
}

/** The earliest end of a running auction or giveaway (epoch ms), or +∞ when none runs. */
async function readNextEnd(): Promise<number> {
  const [auction, giveaway] = await Promise.all([
    db.auction.findFirst({
      where: { status: "RUNNING" },
      orderBy: { endsAt: "asc" },
      select: { endsAt: true },
    }),
    db.giveaway.findFirst({
      where: { status: "RUNNING" },
      orderBy: { endsAt: "asc" },
      select: { endsAt: true },
    }),
  ]);
  return Math.min(auction?.endsAt.getTime() ?? Infinity, giveaway?.endsAt.getTime() ?? Infinity);
}
