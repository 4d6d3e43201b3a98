import type { Prisma } from "@prisma/client";
import { db } from "@/server/db";
import { broadcastProduct } from "@/server/commerce/broadcast-product";
import { withBusyRetry } from "@/server/commerce/with-busy-retry";
import { notifyRoom, type TLiveItemFeature } from "@/server/engage/live-item-feature";

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

/**
 * A feature's finish (made by liveItemFinish): ends one item, or answers null when it was not due or already
 * over. `notify: false` leaves telling the room to the caller (the master's tick, a bid's handler).
 */
export type TFinish<V> = (id: string, how: TFinishHow, opts?: { notify?: boolean }) => Promise<V | null>;

/**
 * Finishes each of the feature's items whose clock ran out by `now` (at most 100 a call), in turn, with the
 * feature's own finish (the master's tick; anyone may); returns the views this call ended.
 */
export async function finishDue<V extends { roomId: string }>(
  feature: TLiveItemFeature<V>,
  finish: TFinish<V>,
  now: Date,
  notify: boolean,
): Promise<V[]> {
  const due = await feature.table(db).findMany({ where: overdueWhere(now), select: { id: true }, take: 100 });
  const ended: V[] = [];
  for (const { id } of due) {
    const view = await finish(id, { kind: "due", now }, { notify });
    if (view) ended.push(view);
  }
  return ended;
}

/**
 * A feature's finish, which ends a live item exactly once and tells everyone: in one transaction (retried
 * while the database is busy) the conditional update (endRunningUpdate) moves it out of RUNNING, and only the
 * caller it moved `settle`s it (the feature's own outcome: an order, the unit back, an audit row) and returns
 * the final view. Then the log line (`logged`: what it records), the room's notice (unless `notify` is false) and, when no order took the unit,
 * everyone the product's stock came back.
 */
export function liveItemFinish<V extends { roomId: string; productId: string; orderId: string | null }>(
  feature: TLiveItemFeature<V>,
  settle: (tx: Prisma.TransactionClient, id: string, how: TFinishHow, now: Date) => Promise<V>,
  logged: (view: V) => Record<string, unknown>,
): TFinish<V> {
  return async (id, how, opts = {}) => {
    const now = how.kind === "due" ? how.now : new Date();
    const view = await withBusyRetry(`finish ${feature.noun}`, () =>
      db.$transaction(async (tx) => {
        const moved = await feature.table(tx).updateMany(endRunningUpdate(id, how, now));
        return moved.count === 1 ? settle(tx, id, how, now) : null;
      }),
    );
    if (!view) return null;
    feature.log.info(logged(view), `${feature.noun} finished`);
    if (opts.notify !== false) notifyRoom(feature, view);
    if (!view.orderId) broadcastProduct(view.productId);
    return view;
  };
}
