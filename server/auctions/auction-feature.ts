import { toAuctionUpdate, type TAuctionView } from "@/lib/auctions/auction-schemas";
import { liveItemFeature } from "@/server/engage/live-item-feature";

/** Auctions as the shared live-item steps (server/engage) know them. */
export const AUCTIONS = liveItemFeature({
  noun: "auction",
  table: (client) => client.auction,
  update: (view: TAuctionView) => ({ event: "auction:update", data: toAuctionUpdate(view) }),
});
