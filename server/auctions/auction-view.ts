import type { Prisma } from "@prisma/client";
import type { TAuctionBidView, TAuctionView } from "@/lib/auctions/auction-schemas";
import { LIVE_ITEM_SELECT, liveItemFields } from "@/server/engage/live-item-view";

/** What every auction read selects: the row, its product's name and the leader's public name. */
export const AUCTION_SELECT = {
  ...LIVE_ITEM_SELECT,
  highestBidMinor: true,
  startPriceMinor: true,
  minIncrementMinor: true,
  currency: true,
  bidCount: true,
  leader: { select: { id: true, name: true } },
} satisfies Prisma.AuctionSelect;

export type TAuctionRow = Prisma.AuctionGetPayload<{ select: typeof AUCTION_SELECT }>;

export function toAuctionView(row: TAuctionRow): TAuctionView {
  return {
    ...liveItemFields(row),
    highestBidMinor: row.highestBidMinor,
    leader: row.leader ? { id: row.leader.id, name: row.leader.name } : null,
    startPriceMinor: row.startPriceMinor,
    minIncrementMinor: row.minIncrementMinor,
    currency: row.currency,
    bidCount: row.bidCount,
  };
}

export const BID_SELECT = {
  seq: true,
  amountMinor: true,
  createdAt: true,
  user: { select: { id: true, name: true } },
} satisfies Prisma.AuctionBidSelect;

export function toBidView(row: Prisma.AuctionBidGetPayload<{ select: typeof BID_SELECT }>): TAuctionBidView {
  return {
    seq: row.seq,
    amountMinor: row.amountMinor,
    bidder: { id: row.user.id, name: row.user.name },
    createdAt: row.createdAt.toISOString(),
  };
}
