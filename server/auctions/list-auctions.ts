import { db } from "@/server/db";
import { overdueWhere } from "@/server/engage/finish-live-item";
import { newestInShow } from "@/server/engage/live-item-view";
import type { TAuctionBidView, TAuctionView } from "@/lib/auctions/auction-schemas";
import { AUCTION_SELECT, BID_SELECT, toAuctionView, toBidView } from "@/server/auctions/auction-view";
import { finishDueAuctions } from "@/server/auctions/finish-auction";

/** A show's auctions, newest first (at most 50). Overdue ones are settled first, so a reader never sees a stale clock as running. */
export async function listAuctions(roomId: string, now = new Date()): Promise<TAuctionView[]> {
  const overdue = await db.auction.count({ where: { roomId, ...overdueWhere(now) } });
  if (overdue > 0) await finishDueAuctions(now);
  const rows = await db.auction.findMany({ ...newestInShow(roomId), select: AUCTION_SELECT });
  return rows.map(toAuctionView);
}

/** An auction's accepted bids in the order they led (seq), at most the latest 500. Null when it is not this show's. */
export async function listBids(roomId: string, auctionId: string): Promise<TAuctionBidView[] | null> {
  const auction = await db.auction.findFirst({ where: { id: auctionId, roomId }, select: { id: true } });
  if (!auction) return null;
  const rows = await db.auctionBid.findMany({
    where: { auctionId },
    orderBy: { seq: "desc" },
    take: 500,
    select: BID_SELECT,
  });
  return rows.reverse().map(toBidView);
}
