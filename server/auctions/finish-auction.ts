import type { TAuctionView } from "@/lib/auctions/auction-schemas";
import { AUCTION_SELECT, toAuctionView } from "@/server/auctions/auction-view";
import { createWinnerOrder } from "@/server/auctions/create-winner-order";
import { AUCTIONS } from "@/server/auctions/auction-feature";
import { finishDue, liveItemFinish } from "@/server/engage/finish-live-item";

/**
 * Ends an auction exactly once: a conditional update moves it from RUNNING (for "due", only once its clock
 * ran out, so a bid that extended it wins the race; a cancel only before that, so a won auction stays won), and only that caller settles it: the leader gets the
 * order, or the unit goes back to stock when nobody bid or it was cancelled (with an audit row).
 * Returns the final view when this call ended it, null when it was not due or already over.
 */
export const finishAuction = liveItemFinish(
  AUCTIONS,
  async (tx, auctionId, how, now) => {
    const a = await tx.auction.findUniqueOrThrow({
      where: { id: auctionId },
      select: { ...AUCTION_SELECT, leaderId: true },
    });
    if (how.kind === "due" && a.leaderId !== null && a.highestBidMinor !== null) {
      const order = await createWinnerOrder(
        tx,
        {
          id: a.id,
          buyerId: a.leaderId,
          productId: a.productId,
          roomId: a.roomId,
          priceMinor: a.highestBidMinor,
          currency: a.currency,
        },
        now,
      );
      await tx.auction.update({ where: { id: auctionId }, data: { orderId: order.id } });
      return toAuctionView({ ...a, orderId: order.id });
    }
    await tx.product.update({ where: { id: a.productId }, data: { stock: { increment: 1 } } });
    if (how.kind === "cancel") {
      await tx.auditLog.create({
        data: {
          actorId: how.actorId,
          action: "auction.cancel",
          roomId: a.roomId,
          targetUserId: a.leaderId,
          details: JSON.stringify({
            auctionId,
            productId: a.productId,
            reason: how.reason,
            highestBidMinor: a.highestBidMinor,
            bids: a.bidCount,
          }),
        },
      });
    }
    return toAuctionView(a);
  },
  (view) => ({
    auctionId: view.id,
    status: view.status,
    winner: view.leader?.id ?? null,
    priceMinor: view.highestBidMinor,
    orderId: view.orderId,
  }),
);

/** Ends every auction whose clock ran out (the master calls this on a tick; anyone may). Returns the ended views. */
export function finishDueAuctions(now = new Date(), notify = true): Promise<TAuctionView[]> {
  return finishDue(AUCTIONS, finishAuction, now, notify);
}
