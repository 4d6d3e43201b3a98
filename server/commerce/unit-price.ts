/** A product's show listing as far as pricing goes. */
export type TDealFields = {
  dealPriceMinor: number | null;
  dealStartedAt: Date | null;
  dealEndsAt: Date | null;
  dealLimitPerBuyer: number | null;
};

/** Whether a flash deal runs at `now` by the server's clock (never the client's). */
export function dealIsLive(
  deal: TDealFields | null | undefined,
  now: Date,
): deal is TDealFields & { dealPriceMinor: number; dealEndsAt: Date } {
  if (!deal || deal.dealPriceMinor === null || deal.dealEndsAt === null) return false;
  if (deal.dealStartedAt && deal.dealStartedAt.getTime() > now.getTime()) return false;
  return deal.dealEndsAt.getTime() > now.getTime();
}

/** The unit price a buyer pays at `now`: the deal price while the deal runs, else the list price. */
export function unitPriceAt(listPriceMinor: number, deal: TDealFields | null | undefined, now: Date): number {
  return dealIsLive(deal, now) ? deal.dealPriceMinor : listPriceMinor;
}
