import { queryOptions } from "@tanstack/react-query";
import { listBids } from "@/lib/auctions/client";

export const auctionQueries = {
  /**
   * An auction's accepted bids as of its `bidCount` (which the room's socket pushes): a new count is a new
   * key, so the list is read again only when a bid was actually accepted.
   */
  bids: (roomId: string, auctionId: string, bidCount: number) =>
    queryOptions({
      queryKey: ["auctions", roomId, auctionId, "bids", { bidCount }],
      queryFn: async () => (await listBids(roomId, auctionId)).bids,
    }),
};
