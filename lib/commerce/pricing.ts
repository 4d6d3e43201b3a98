/**
 * THE pricing rule of OnAir: what one unit of a product costs right now. The viewer page, `product:update`,
 * `GET /api/rooms/:id`, the studio and the checkout all call this one function (it used to be written six
 * times with four meanings: an open-ended deal was live on the page and dead at the till).
 *
 * A deal runs when it has a price below the regular one, an end, has started, has not ended, and its show
 * has not ENDED. A deal without an end is not running: start-deal always sets one, so a row without it is
 * a stopped or damaged deal, and charging it forever would be the expensive mistake.
 */

/** A show's deal on a product; times in epoch milliseconds, null when unset. */
export type TDealTerms = { priceMinor: number | null; startsAt: number | null; endsAt: number | null };

/** Everything the price depends on besides the clock. */
export type TPriceFacts = { priceMinor: number; deal: TDealTerms | null; showEnded: boolean };

/** Whether the deal applies at `now` (epoch ms, the server's clock for anything charged). */
export function dealRuns(facts: TPriceFacts, now: number): boolean {
  const deal = facts.deal;
  if (!deal || deal.priceMinor === null || deal.endsAt === null || facts.showEnded) return false;
  if (deal.priceMinor >= facts.priceMinor) return false;
  if (deal.startsAt !== null && now < deal.startsAt) return false;
  return now < deal.endsAt;
}

/** The unit price at `now`: the deal price while the deal runs, else the regular price. */
export function unitPrice(facts: TPriceFacts, now: number): number {
  return dealRuns(facts, now) && facts.deal?.priceMinor != null ? facts.deal.priceMinor : facts.priceMinor;
}

const ms = (d: Date | string | null | undefined) => (d == null ? null : new Date(d).getTime());

/** The facts of a stored show listing (Prisma's RoomProduct row, its product and its show's status). */
export function listingFacts(
  product: { priceMinor: number },
  listing: { dealPriceMinor: number | null; dealStartedAt: Date | null; dealEndsAt: Date | null } | null,
  showStatus: string | null,
): TPriceFacts {
  return {
    priceMinor: product.priceMinor,
    deal: listing
      ? {
          priceMinor: listing.dealPriceMinor,
          startsAt: ms(listing.dealStartedAt),
          endsAt: ms(listing.dealEndsAt),
        }
      : null,
    showEnded: showStatus === "ENDED",
  };
}

/** The facts of a product as the browser holds it (`deal` as `product:update` sends it). */
export function liveFacts(
  product: { priceMinor: number; deal: { priceMinor: number; endsAt: string } | null },
  showStatus: string | null,
): TPriceFacts {
  return {
    priceMinor: product.priceMinor,
    deal: product.deal
      ? { priceMinor: product.deal.priceMinor, startsAt: null, endsAt: ms(product.deal.endsAt) }
      : null,
    showEnded: showStatus === "ENDED",
  };
}
