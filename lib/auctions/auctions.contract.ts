import { z } from "zod";
import { detailedOutput, route, withHeaders, ZIdParams, ZRouteId } from "@/lib/api/contract-kit";
import { ZCreateAuctionRequest } from "@/lib/auctions/auction-schemas";
import { ZCancelLiveItemRequest, ZLiveItemUpdate } from "@/lib/engage/live-items";

// Loose: the console and the viewer's card read every field of the view; an output schema strips the rest.
const ZAuction = ZLiveItemUpdate.extend({ id: z.string(), bidCount: z.number().int() });
const ZBid = z.looseObject({ seq: z.number().int(), amountMinor: z.number().int() });
export const ZAuctionParams = z.object({ id: ZRouteId, auctionId: ZRouteId });

/** A show's auctions: the list and the bids (public), started by room staff, cancelled by an ADMIN. */
export const auctionsContract = {
  list: route
    .get("/rooms/{id}/auctions", "The show's auctions, newest first (public).", detailedOutput)
    .input(z.object({ params: ZIdParams }))
    .output(withHeaders(z.object({ auctions: z.array(ZAuction) }))),
  start: route
    .post("/rooms/{id}/auctions", "Room staff start an auction → `{ auction }`.", { successStatus: 201 })
    .input(z.object({ params: ZIdParams, body: ZCreateAuctionRequest }))
    .output(z.object({ auction: ZAuction })),
  bids: route
    .get(
      "/rooms/{id}/auctions/{auctionId}/bids",
      "An auction's accepted bids in the order they led (public).",
      detailedOutput,
    )
    .input(z.object({ params: ZAuctionParams }))
    .output(withHeaders(z.object({ bids: z.array(ZBid) }))),
  cancel: route
    .post(
      "/rooms/{id}/auctions/{auctionId}/cancel",
      "ADMIN: cancels a running auction with a reason (audit log `auction.cancel`), the unit back in stock; 409 AUCTION_ENDED.",
    )
    .input(z.object({ params: ZAuctionParams, body: ZCancelLiveItemRequest }))
    .output(z.object({ auction: ZAuction })),
};
