import "server-only";
import { z } from "zod";
import { ZRouteId } from "@/lib/api/contract-kit";
import { api, NO_STORE, signedIn } from "@/server/api/base";
import { existingShow, roomStaff, validParams } from "@/server/api/room-access";
import { currentUser } from "@/server/auth/request";
import { db } from "@/server/db";
import { createGiveaway } from "@/server/giveaways/create-giveaway";
import { listGiveaways } from "@/server/giveaways/list-giveaways";
import { finishGiveaway } from "@/server/giveaways/finish-giveaway";
import { cancelLiveItem, cancellable } from "@/server/engage/cancel-live-item";

const validGiveawayParams = validParams(z.object({ id: ZRouteId, giveawayId: ZRouteId }));

const giveawayItem = cancellable({
  noun: "giveaway",
  inShow: (roomId, id) => db.giveaway.findFirst({ where: { id, roomId }, select: { id: true } }),
  finish: finishGiveaway,
});

/** lib/giveaways/giveaways.contract.ts, served. */
export const giveaways = {
  list: api.giveaways.list.handler(async ({ input }) => {
    const id = await existingShow(input.params.id);
    const user = await currentUser();
    return { headers: NO_STORE, body: await listGiveaways(id, user?.id ?? null) };
  }),
  start: api.giveaways.start.use(roomStaff).handler(async ({ input, context }) => ({
    giveaway: await createGiveaway(context.user.id, context.room.id, input.body),
  })),
  cancel: api.giveaways.cancel
    .use(validGiveawayParams)
    .use(signedIn("ADMIN"))
    .handler(async ({ input, context }) => ({
      giveaway: await cancelLiveItem(giveawayItem, {
        roomId: input.params.id,
        itemId: input.params.giveawayId,
        adminId: context.user.id,
        reason: input.body.reason,
      }),
    })),
};
