import { db } from "@/server/db";
import { finishAuction } from "@/server/auctions/finish-auction";
import { cancelLiveItemRoute } from "@/server/engage/cancel-live-item";

/** An ADMIN cancels a running auction with a reason (audit log `auction.cancel`) → `{ auction }`; the unit goes back to stock. */
export const POST = cancelLiveItemRoute({
  noun: "auction",
  param: "auctionId",
  inShow: (roomId, id) => db.auction.findFirst({ where: { id, roomId }, select: { id: true } }),
  finish: finishAuction,
});
