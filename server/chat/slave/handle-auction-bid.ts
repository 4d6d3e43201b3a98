import { minNextBid, ZBidRequest } from "@/lib/auctions/auction-schemas";
import type { TBidAck } from "@/lib/chat/engage-protocol";
import { db } from "@/server/db";
import { AUCTION_SELECT, toAuctionView } from "@/server/auctions/auction-view";
import { finishAuction } from "@/server/auctions/finish-auction";
import { placeBid } from "@/server/auctions/place-bid";
import type { TSlaveContext } from "@/server/chat/slave/context";
import { deliverAuction, engagement } from "@/server/chat/slave/engagement";
import { fail, userHandler } from "@/server/chat/slave/safe-handler";
import { engageRefusal } from "@/server/chat/slave/engage-refusal";

const tooLow = (min: number) => `Bid at least ${min}.`;

/**
 * `auction:bid`: validate, check the bidder (signed in, in the room, not banned, not the seller, within the
 * bid rate), refuse at once what the newest known state already rules out (the leading bid only rises), then
 * let the database decide (server/auctions/place-bid.ts). An `ok` ack means the bid is stored and led when
 * it was accepted; the new state goes to this slave's clients and, through the master, to every other slave.
 */
export const handleAuctionBid = userHandler(
  ZBidRequest,
  "Sign in to bid.",
  async (ctx, socket, input, user, ack) => {
    const reply = (res: TBidAck) => ack(res);
    const { auctionId, amountMinor } = input;
    const state = engagement(ctx);

    let known = state.auctions.get(auctionId);
    if (!known) {
      const row = await db.auction.findUnique({ where: { id: auctionId }, select: AUCTION_SELECT });
      if (!row)
        return ack(fail("INVALID", "There is no such auction.", { fields: { auctionId: "unknown" } }));
      known = toAuctionView(row);
      // Seed the cache only through the ordering rule, so it never goes back in time.
      deliverAuction(ctx, known);
      known = state.auctions.get(auctionId) ?? known;
    }
    const refused = engageRefusal(ctx, socket, user.id, known.roomId, Date.now(), {
      notJoined: "Join the show before bidding.",
      own: { message: "Sellers cannot bid in their own auctions.", fields: { auctionId: "own auction" } },
      limiter: state.bidLimiter,
      tooFast: "You are bidding too fast.",
    });
    if (refused) return ack(refused);
    // The clock is not pre-checked here: another slave's bid may have extended it without our knowing yet.
    if (known.status !== "RUNNING")
      return reply({
        ok: false,
        error: { code: "AUCTION_ENDED", message: "This auction has ended.", auction: known },
      });
    const knownMin = minNextBid(known);
    if (amountMinor < knownMin)
      return reply({
        ok: false,
        error: { code: "BID_TOO_LOW", message: tooLow(knownMin), minBidMinor: knownMin, auction: known },
      });

    const result = await placeBid({
      auctionId,
      user: { id: user.id, name: user.name },
      amountMinor,
      nodeId: ctx.nodeId,
    });
    switch (result.kind) {
      case "notFound":
        return ack(fail("INVALID", "There is no such auction.", { fields: { auctionId: "unknown" } }));
      case "tooLow":
        deliverAuction(ctx, result.auction);
        return reply({
          ok: false,
          error: {
            code: "BID_TOO_LOW",
            message: tooLow(result.minBidMinor),
            minBidMinor: result.minBidMinor,
            auction: result.auction,
          },
        });
      case "ended":
        reply({
          ok: false,
          error: { code: "AUCTION_ENDED", message: "This auction has ended.", auction: result.auction },
        });
        // Its clock ran out but nobody closed it yet (the master does within a second; without a master, we do).
        if (result.auction.status === "RUNNING") await settle(ctx, auctionId);
        return;
      case "accepted":
        reply({ ok: true, auction: result.auction });
        if (deliverAuction(ctx, result.auction))
          ctx.master.send({
            type: "room:event",
            roomId: result.auction.roomId,
            payload: { event: "auction:update", data: { ...result.auction, auctionId } },
          });
        return;
    }
  },
);

async function settle(ctx: TSlaveContext, auctionId: string): Promise<void> {
  const view = await finishAuction(auctionId, { kind: "due", now: new Date() }, { notify: false });
  if (view && deliverAuction(ctx, view))
    ctx.master.send({
      type: "room:event",
      roomId: view.roomId,
      payload: { event: "auction:update", data: { ...view, auctionId } },
    });
}
