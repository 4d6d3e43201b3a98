/** How a live item (auction, giveaway) ends: its clock ran out (`due`), or an admin cancels it with a reason. */
export type TFinishHow = { kind: "due"; now: Date } | { kind: "cancel"; actorId: string; reason: string };

/** Running items whose clock ran out by `now`. */
export const overdueWhere = (now: Date) => ({ status: "RUNNING" as const, endsAt: { lte: now } });

/**
 * The conditional update that ends a running item exactly once: "due" only once its clock ran out (so a bid
 * that extended it wins the race), a cancel only before that (so a won or drawn item stays so). Only the
 * caller whose update moved the row settles it.
 */
export function endRunningUpdate(id: string, how: TFinishHow, now: Date) {
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
