import "server-only";
import { ZAuctionParams } from "@/lib/auctions/auctions.contract";
import { api, NO_STORE, signedIn } from "@/server/api/base";
import { existingShow, roomStaff, validParams } from "@/server/api/room-access";
import { notFound } from "@/server/http/errors";
import { createAuction } from "@/server/auctions/create-auction";
import { listAuctions, listBids } from "@/server/auctions/list-auctions";
import { finishAuction } from "@/server/auctions/finish-auction";
import { cancelLiveItem } from "@/server/engage/cancel-live-item";
import { AUCTIONS } from "@/server/auctions/auction-feature";

/** lib/auctions/auctions.contract.ts, served. */
export const auctions = {
  list: api.auctions.list.handler(async ({ input }) => ({
    headers: NO_STORE,
    body: { auctions: await listAuctions(await existingShow(input.params.id)) },
  })),
  start: api.auctions.start.use(roomStaff).handler(async ({ input, context }) => ({
    auction: await createAuction(context.user.id, context.room.id, input.body),
  })),
  bids: api.auctions.bids.handler(async ({ input }) => {
    const bids = await listBids(input.params.id, input.params.auctionId);
    if (!bids) throw notFound("This auction does not exist in this show.");
    return { headers: NO_STORE, body: { bids } };
  }),
  cancel: api.auctions.cancel
    .use(validParams(ZAuctionParams))
    .use(signedIn("ADMIN"))
    .handler(async ({ input, context }) => ({
      auction: await cancelLiveItem(AUCTIONS, finishAuction, input, context.user.id),
    })),
};
