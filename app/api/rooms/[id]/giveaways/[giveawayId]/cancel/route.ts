import { db } from "@/server/db";
import { finishGiveaway } from "@/server/giveaways/finish-giveaway";
import { cancelLiveItemRoute } from "@/server/engage/cancel-live-item";

/** An ADMIN cancels a running giveaway with a reason (audit log `giveaway.cancel`) → `{ giveaway }`; the unit goes back. */
export const POST = cancelLiveItemRoute({
  noun: "giveaway",
  param: "giveawayId",
  inShow: (roomId, id) => db.giveaway.findFirst({ where: { id, roomId }, select: { id: true } }),
  finish: finishGiveaway,
});
