/**
 * Live auctions, one contract for server, slaves and browser: request schemas (zod), the view every client
 * sees, and the two rules that must never drift: the lowest acceptable next bid, and which of two updates
 * is newer. Browser-safe.
 */
import { z } from "zod";
import { MAX_PRICE_MINOR } from "@/lib/commerce/limits";
import { newerByProgress, ZLiveItemId, ZLiveItemUpdate, type TLiveItemView } from "@/lib/engage/live-items";

/** A bid in the last 10 s moves the clock to 10 s after it (contract). */
export const AUCTION_EXTEND_MS = 10_000;
export const MIN_AUCTION_SECONDS = 15;
export const MAX_AUCTION_SECONDS = 60 * 60;

const ZId = z.string().trim().min(1).max(100);
const ZMinor = (what: string) =>
  z
    .number({ error: `Enter the ${what} as a whole number of minor units.` })
    .int(`Enter the ${what} as a whole number of minor units.`)
    .min(1, `The ${what} must be above zero.`)
    .max(MAX_PRICE_MINOR, `The ${what} is too large.`);

/** `POST /api/rooms/:id/auctions` (contract). */
export const ZCreateAuctionRequest = z.strictObject({
  productId: ZId,
  startPriceMinor: ZMinor("start price"),
  minIncrementMinor: ZMinor("minimum increment"),
  durationSeconds: z
    .number({ error: "Enter the duration in seconds." })
    .int("Enter the duration in whole seconds.")
    .min(MIN_AUCTION_SECONDS, `An auction runs at least ${MIN_AUCTION_SECONDS} seconds.`)
    .max(MAX_AUCTION_SECONDS, "An auction runs at most one hour."),
});
export type TCreateAuctionRequest = z.infer<typeof ZCreateAuctionRequest>;

/** Client → slave `auction:bid` (contract). */
export const ZBidRequest = z.object({
  auctionId: ZLiveItemId("auction"),
  amountMinor: z.number().int("whole minor units").min(1).max(MAX_PRICE_MINOR),
});
export type TBidRequest = z.input<typeof ZBidRequest>;

export type TBidder = { id: string; name: string };

/** The contract's auction, plus what a panel needs to render it without another request. */
export type TAuctionView = TLiveItemView & {
  /** null until the first accepted bid. */
  highestBidMinor: number | null;
  leader: TBidder | null;
  startPriceMinor: number;
  minIncrementMinor: number;
  currency: string;
  /** Accepted bids so far; orders updates (see `isNewerAuction`). */
  bidCount: number;
};

/** Slave → client `auction:update` (contract fields first; the rest of the view rides along). */
export type TAuctionUpdate = TAuctionView & { auctionId: string };

export type TAuctionBidView = { seq: number; amountMinor: number; bidder: TBidder; createdAt: string };

export const toAuctionUpdate = (view: TAuctionView): TAuctionUpdate => ({ ...view, auctionId: view.id });

/** The lowest bid the auction accepts now: the start price, then the leader's bid plus the increment. */
export function minNextBid(
  a: Pick<TAuctionView, "highestBidMinor" | "startPriceMinor" | "minIncrementMinor">,
): number {
  return a.highestBidMinor === null ? a.startPriceMinor : a.highestBidMinor + a.minIncrementMinor;
}

/** Every accepted bid bumps bidCount: updates are ordered by it. */
export const isNewerAuction = newerByProgress("bidCount");

/** The browser's bounds check of a typed bid, the same zod rule the slave applies. */
export const ZAuctionUpdate = ZLiveItemUpdate.extend({
  auctionId: z.string(),
  highestBidMinor: z.number().nullable(),
  bidCount: z.number(),
});
