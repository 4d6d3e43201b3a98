import "server-only";
import { ZGiveawayParams } from "@/lib/giveaways/giveaways.contract";
import { api, NO_STORE, signedIn } from "@/server/api/base";
import { existingShow, roomStaff, validParams } from "@/server/api/room-access";
import { currentUser } from "@/server/auth/request";
import { createGiveaway } from "@/server/giveaways/create-giveaway";
import { listGiveaways } from "@/server/giveaways/list-giveaways";
import { finishGiveaway } from "@/server/giveaways/finish-giveaway";
import { cancelLiveItem } from "@/server/engage/cancel-live-item";
import { GIVEAWAYS } from "@/server/giveaways/giveaway-feature";

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
    .use(validParams(ZGiveawayParams))
    .use(signedIn("ADMIN"))
    .handler(async ({ input, context }) => ({
      giveaway: await cancelLiveItem(GIVEAWAYS, finishGiveaway, input, context.user.id),
    })),
};
