import type { Prisma } from "@prisma/client";
import type { TAuctionBidView, TAuctionView } from "@/lib/auctions/auction-schemas";

/** What every auction read selects: the row, its product's name and the leader's public name. */
export const AUCTION_SELECT = {
  id: true,
  roomId: true,
  productId: true,
  status: true,
  highestBidMinor: true,
  endsAt: true,
  endedAt: true,
  startPriceMinor: true,
  minIncrementMinor: true,
  currency: true,
  bidCount: true,
  orderId: true,
  cancelReason: true,
  createdAt: true,
  product: { select: { name: true } },
  leader: { select: { id: true, name: true } },
} satisfies Prisma.AuctionSelect;

export type TAuctionRow = Prisma.AuctionGetPayload<{ select: typeof AUCTION_SELECT }>;

export function toAuctionView(row: TAuctionRow): TAuctionView {
  return {
    id: row.id,
    roomId: row.roomId,
    productId: row.productId,
    productName: row.product.name,
    status: row.status,
    highestBidMinor: row.highestBidMinor,
    leader: row.leader ? { id: row.leader.id, name: row.leader.name } : null,
    endsAt: row.endsAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    startPriceMinor: row.startPriceMinor,
    minIncrementMinor: row.minIncrementMinor,
    currency: row.currency,
    bidCount: row.bidCount,
    orderId: row.orderId,
    cancelReason: row.cancelReason,
    createdAt: row.createdAt.toISOString(),
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
