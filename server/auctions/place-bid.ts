import { isUniqueViolation } from "@/server/db-errors";
import {
  AUCTION_EXTEND_MS,
  minNextBid,
  type TAuctionView,
  type TBidder,
} from "@/lib/auctions/auction-schemas";
import { db } from "@/server/db";
import { AUCTION_SELECT, toAuctionView } from "@/server/auctions/auction-view";
import { withBusyRetry } from "@/server/commerce/with-busy-retry";

export type TBidResult =
  | { kind: "accepted"; auction: TAuctionView }
  | { kind: "tooLow"; auction: TAuctionView; minBidMinor: number }
  | { kind: "ended"; auction: TAuctionView }
  | { kind: "notFound" };

/** Lost compare-and-swap rounds before a bid gives up (each loss means another bid led first). */
const MAX_ROUNDS = 50;

/**
 * Decides one bid, in the database, so that every slave (and any number of them) agrees:
 * read the auction, check the amount against its leader, then a conditional update that only applies while
 * `bidCount` is still what was read and the clock has not run out, plus the bid row with `seq` = the new
 * count, in one transaction. Of concurrent bids on the same state exactly one wins the update; the others
 * re-read and are judged against the new leader. A bid in the last 10 s moves the end to 10 s after it.
 */
export async function placeBid(
  input: { auctionId: string; user: TBidder; amountMinor: number; nodeId: string },
  clock: () => number = Date.now,
): Promise<TBidResult> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const row = await db.auction.findUnique({ where: { id: input.auctionId }, select: AUCTION_SELECT });
    if (!row) return { kind: "notFound" };
    const now = clock();
    const view = toAuctionView(row);
    if (row.status !== "RUNNING" || row.endsAt.getTime() <= now) return { kind: "ended", auction: view };
    const min = minNextBid(view);
    if (input.amountMinor < min) return { kind: "tooLow", auction: view, minBidMinor: min };

    const endsAt = new Date(Math.max(row.endsAt.getTime(), now + AUCTION_EXTEND_MS));
    const seq = row.bidCount + 1;
    let won: boolean;
    try {
      won = await withBusyRetry("place bid", () =>
        db.$transaction(async (tx) => {
          const moved = await tx.auction.updateMany({
            where: {
              id: input.auctionId,
              status: "RUNNING",
              bidCount: row.bidCount,
              endsAt: { gt: new Date(now) },
            },
            data: { bidCount: seq, highestBidMinor: input.amountMinor, leaderId: input.user.id, endsAt },
          });
          if (moved.count !== 1) return false;
          await tx.auctionBid.create({
            data: {
              auctionId: input.auctionId,
              userId: input.user.id,
              amountMinor: input.amountMinor,
              seq,
              nodeId: input.nodeId,
            },
          });
          return true;
        }),
      );
    } catch (err) {
      // PostgreSQL under READ COMMITTED: a racing transaction inserted this seq first. Same as losing the swap.
      if (!isUniqueViolation(err)) throw err;
      won = false;
    }
    // The state this bid made (a later bid may lead by now: the version orders them for every viewer).
    if (won)
      return {
        kind: "accepted",
        auction: {
          ...view,
          bidCount: seq,
          highestBidMinor: input.amountMinor,
          leader: input.user,
          endsAt: endsAt.toISOString(),
        },
      };
  }
  throw new Error(`bid on ${input.auctionId} lost ${MAX_ROUNDS} rounds`);
}
