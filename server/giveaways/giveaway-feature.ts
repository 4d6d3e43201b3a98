import { toGiveawayUpdate, type TGiveawayView } from "@/lib/giveaways/giveaway-schemas";
import { liveItemFeature } from "@/server/engage/live-item-feature";

/** Giveaways as the shared live-item steps (server/engage) know them. */
export const GIVEAWAYS = liveItemFeature({
  noun: "giveaway",
  table: (client) => client.giveaway,
  update: (view: TGiveawayView) => ({ event: "giveaway:update", data: toGiveawayUpdate(view) }),
});
