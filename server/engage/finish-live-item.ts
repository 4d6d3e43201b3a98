import type { Prisma } from "@prisma/client";
import { db } from "@/server/db";
import { broadcastProduct } from "@/server/commerce/broadcast-product";
import { withBusyRetry } from "@/server/commerce/with-busy-retry";
import type { TLiveItemKind } from "@/lib/engage/live-items";

/** How a live item (auction, giveaway) ends: its clock ran out (`due`), or an admin cancels it with a reason. */
export type TFinishHow = { kind: "due"; now: Date } | { kind: "cancel"; actorId: string; reason: string };

/** Running items whose clock ran out by `now`. */
export const overdueWhere = (now: Date) => ({ status: "RUNNING" as const, endsAt: { lte: now } });

/**
 * The conditional update that ends a running item exactly once: "due" only once its clock ran out (so a bid
 * that extended it wins the race), a cancel only before that (so a won or drawn item stays so). Only the
 * caller whose update moved the row settles it.
 */
function endRunningUpdate(id: string, how: TFinishHow, now: Date) {
  return {
    where: { id, status: "RUNNING" as const, endsAt: how.kind === "due" ? { lte: now } : { gt: now } },
    data:
      how.kind === "due"
        ? { status: "ENDED" as const, endedAt: now }
        : { status: "CANCELLED" as const, endedAt: now, cancelReason: how.reason },
  };
}

/** Finishes each overdue item in turn (the master's tick; anyone may); returns the views this call ended. */
export async function finishEachDue<V>(
  due: { id: string }[],
  finish: (id: string) => Promise<V | null>,
): Promise<V[]> {
  const ended: V[] = [];
  for (const { id } of due) {
    const view = await finish(id);
    if (view) ended.push(view);
  }
  return ended;
}

/**
 * Ends a live item exactly once and tells everyone: in one transaction (retried while the database is busy)
 * the conditional update (`end`, given endRunningUpdate) moves it out of RUNNING, and only the caller it moved
 * `settle`s it and returns the final view. Then `log`, the room's notice (`notify`, unless false) and, when no
 * order took the unit, everyone the product's stock came back. Null when it was not due or already over.
 */
export async function finishLiveItem<V extends { productId: string; orderId: string | null }>(opts: {
  noun: TLiveItemKind;
  id: string;
  how: TFinishHow;
  end: (
    tx: Prisma.TransactionClient,
    update: ReturnType<typeof endRunningUpdate>,
  ) => Promise<{ count: number }>;
  settle: (tx: Prisma.TransactionClient, now: Date) => Promise<V>;
  log: (view: V) => void;
  notify: ((view: V) => void) | false;
}): Promise<V | null> {
  const { how } = opts;
  const now = how.kind === "due" ? how.now : new Date();
  const view = await withBusyRetry(`finish ${opts.noun}`, () =>
    db.$transaction(async (tx) => {
      const moved = await opts.end(tx, endRunningUpdate(opts.id, how, now));
      return moved.count === 1 ? opts.settle(tx, now) : null;
    }),
  );
  if (!view) return null;
  opts.log(view);
  if (opts.notify) opts.notify(view);
  if (!view.orderId) broadcastProduct(view.productId);
  return view;
}
