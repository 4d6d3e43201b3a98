/** The product fields a seller picks from, the studio lists and the checkout prices: one shape for all. */
export type TProductBasics = {
  id: string;
  name: string;
  imageUrl: string | null;
  priceMinor: number;
  currency: string;
  stock: number;
};

/** The same with whether the seller archived it. */
export type TProductRow = TProductBasics & { archived: boolean };

/** As a query returns it: `archivedAt` is a Date from Prisma and pg, text from better-sqlite3. */
export type TProductRecord<D = Date> = TProductBasics & { archivedAt: D | null };

/** The row's basics plus its archived flag (whatever else the record carries is left out). */
export function productRow<D>(p: TProductRecord<D>): TProductRow {
  return {
    id: p.id,
    name: p.name,
    imageUrl: p.imageUrl,
    priceMinor: p.priceMinor,
    currency: p.currency,
    stock: p.stock,
    archived: p.archivedAt !== null,
  };
}
