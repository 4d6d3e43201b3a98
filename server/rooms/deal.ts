/** The price a buyer pays right now: the deal price while the deal runs, else the list price. */
export function activeDealPrice(
  item: { dealPriceMinor: number | null; dealEndsAt: Date | null },
  now: Date,
): number | null {
  if (item.dealPriceMinor === null) return null;
  if (item.dealEndsAt && item.dealEndsAt.getTime() <= now.getTime()) return null;
  return item.dealPriceMinor;
}
