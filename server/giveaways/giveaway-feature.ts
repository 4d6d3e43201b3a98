import { toGiveawayUpdate, type TGiveawayView } from "@/lib/giveaways/giveaway-schemas";
import type { TLiveItemFeature } from "@/server/engage/live-item-feature";

/** Giveaways as the shared live-item steps (server/engage) know them. */
export const GIVEAWAYS = {
  noun: "giveaway",
  table: (client) => client.giveaway,
  update: (view) => ({ event: "giveaway:update", data: toGiveawayUpdate(view) }),
} satisfies TLiveItemFeature<TGiveawayView>;
