import { z } from "zod";
import { detailedOutput, route, withHeaders, ZIdParams } from "@/lib/api/contract-kit";
import { ZCreateAuctionRequest } from "@/lib/auctions/auction-schemas";
import { ZLiveItemUpdate } from "@/lib/engage/live-items";
import { liveItemRoutes } from "@/lib/engage/live-item-routes";

// Loose: the console and the viewer's card read every field of the view; an output schema strips the rest.
const ZAuction = ZLiveItemUpdate.extend({ id: z.string(), bidCount: z.number().int() });
const ZBid = z.looseObject({ seq: z.number().int(), amountMinor: z.number().int() });
const routes = liveItemRoutes("auction", ZAuction, ZCreateAuctionRequest);
export const ZAuctionParams = routes.params;

/** A show's auctions: the list and the bids (public), started by room staff, cancelled by an ADMIN. */
export const auctionsContract = {
  list: route
    .get("/rooms/{id}/auctions", "The show's auctions, newest first (public).", detailedOutput)
    .input(z.object({ params: ZIdParams }))
    .output(withHeaders(z.object({ auctions: z.array(ZAuction) }))),
  start: routes.start,
  bids: route
    .get(
      "/rooms/{id}/auctions/{auctionId}/bids",
      "An auction's accepted bids in the order they led (public).",
      detailedOutput,
    )
    .input(z.object({ params: ZAuctionParams }))
    .output(withHeaders(z.object({ bids: z.array(ZBid) }))),
  cancel: routes.cancel,
};
