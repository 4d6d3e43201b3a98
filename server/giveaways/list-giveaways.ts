import { db } from "@/server/db";
import { overdueWhere } from "@/server/engage/finish-live-item";
import { newestInShow } from "@/server/engage/live-item-view";
import type { TGiveawayView } from "@/lib/giveaways/giveaway-schemas";
import { GIVEAWAY_SELECT, toGiveawayView } from "@/server/giveaways/giveaway-view";
import { finishDueGiveaways } from "@/server/giveaways/finish-giveaway";

/** A show's giveaways, newest first (at most 50), overdue ones drawn first; `entered`: those `userId` entered. */
export async function listGiveaways(
  roomId: string,
  userId: string | null,
  now = new Date(),
): Promise<{ giveaways: TGiveawayView[]; entered: string[] }> {
  const overdue = await db.giveaway.count({ where: { roomId, ...overdueWhere(now) } });
  if (overdue > 0) await finishDueGiveaways(now);
  const rows = await db.giveaway.findMany({ ...newestInShow(roomId), select: GIVEAWAY_SELECT });
  const entered = userId
    ? await db.giveawayEntry.findMany({
        where: { userId, giveawayId: { in: rows.map((r) => r.id) } },
        select: { giveawayId: true },
      })
    : [];
  return { giveaways: rows.map(toGiveawayView), entered: entered.map((e) => e.giveawayId) };
}
