import { toAuctionUpdate, type TAuctionView } from "@/lib/auctions/auction-schemas";
import type { TLiveItemFeature } from "@/server/engage/live-item-feature";

/** Auctions as the shared live-item steps (server/engage) know them. */
export const AUCTIONS = {
  noun: "auction",
  table: (client) => client.auction,
  update: (view) => ({ event: "auction:update", data: toAuctionUpdate(view) }),
} satisfies TLiveItemFeature<TAuctionView>;
