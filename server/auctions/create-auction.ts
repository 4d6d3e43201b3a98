import type { TCreateAuctionRequest, TAuctionView } from "@/lib/auctions/auction-schemas";
import { AUCTION_SELECT, toAuctionView } from "@/server/auctions/auction-view";
import { AUCTIONS } from "@/server/auctions/auction-feature";
import { startLiveItem } from "@/server/engage/start-live-item";

/** How an auction's start is refused, in the auction's words. */
const REFUSALS = {
  ended: "This show has ended: start auctions while it is on.",
  notInShow: "Only a product on sale in this show can be auctioned.",
  running: "An auction is already running in this show: wait for it to end.",
  outOfStock: "This product has no stock left to auction.",
};

/**
 * Starts an auction of one unit of a show's product (startLiveItem: the unit leaves stock now, one auction
 * per show); the unit goes back if the auction ends without bids or is cancelled.
 */
export function createAuction(
  actorId: string,
  roomId: string,
  input: TCreateAuctionRequest,
  now = new Date(),
): Promise<TAuctionView> {
  return startLiveItem(AUCTIONS, {
    actorId,
    roomId,
    input,
    now,
    create: async (tx, item, currency) =>
      toAuctionView(
        await tx.auction.create({
          data: {
            ...item,
            startPriceMinor: input.startPriceMinor,
            minIncrementMinor: input.minIncrementMinor,
            currency,
          },
          select: AUCTION_SELECT,
        }),
      ),
    refusals: REFUSALS,
    logged: (v) => ({ auctionId: v.id, roomId, productId: input.productId, endsAt: v.endsAt }),
  });
}
