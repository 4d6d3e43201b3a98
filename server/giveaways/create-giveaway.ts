import type { TCreateGiveawayRequest, TGiveawayView } from "@/lib/giveaways/giveaway-schemas";
import { GIVEAWAY_SELECT, toGiveawayView } from "@/server/giveaways/giveaway-view";
import { GIVEAWAYS } from "@/server/giveaways/giveaway-feature";
import { startLiveItem } from "@/server/engage/start-live-item";

/** How a giveaway's start is refused, in the giveaway's words. */
const REFUSALS = {
  ended: "This show has ended: start giveaways while it is on.",
  notInShow: "Only a product on sale in this show can be given away.",
  running: "A giveaway is already running in this show: wait for it to end.",
  outOfStock: "This product has no stock left to give away.",
};

/**
 * Starts a giveaway of one unit of a show's product (startLiveItem: the unit leaves stock now, one giveaway
 * per show), so the winner's free order can always be filled; it goes back when nobody entered or an admin
 * cancels.
 */
export function createGiveaway(
  actorId: string,
  roomId: string,
  input: TCreateGiveawayRequest,
  now = new Date(),
): Promise<TGiveawayView> {
  return startLiveItem(GIVEAWAYS, {
    actorId,
    roomId,
    input,
    now,
    create: async (tx, item) =>
      toGiveawayView(
        await tx.giveaway.create({
          data: {
            ...item,
            entry: input.entry,
          },
          select: GIVEAWAY_SELECT,
        }),
      ),
    refusals: REFUSALS,
    logged: (v) => ({ giveawayId: v.id, roomId, entry: input.entry }),
  });
}
