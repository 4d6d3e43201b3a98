import type Database from "better-sqlite3";
import { rawDb } from "@/server/db";
import { sqliteReader } from "@/server/sqlite-reader";
import type { TListingRow } from "@/server/commerce/checkout/store";
import type { TProductRow } from "@/server/commerce/product-row";

/** A product's state in one show it is listed in: what `product:update` is built from. */
export type TProductListing = Pick<TProductRow, "stock" | "priceMinor" | "currency" | "archived"> &
  TListingRow;

const COLUMNS = (date: (column: string) => string) => `p."stock", p."priceMinor", p."currency",
  p."archivedAt" IS NOT NULL AS "archived", rp."roomId", r."status" AS "roomStatus", rp."dealPriceMinor",
  ${date(`rp."dealStartedAt"`)} AS "dealStartedAt", ${date(`rp."dealEndsAt"`)} AS "dealEndsAt", rp."dealLimitPerBuyer"`;
const FROM = `FROM "Product" p JOIN "RoomProduct" rp ON rp."productId" = p."id" JOIN "Room" r ON r."id" = rp."roomId"
  WHERE p."id" = `;
// timestamp(3) holds UTC (Prisma writes it so): read AT TIME ZONE 'UTC', as the checkout does.
const POSTGRES = `SELECT ${COLUMNS((c) => `${c} AT TIME ZONE 'UTC'`)} ${FROM}$1 ORDER BY rp."roomId"`;
const SQLITE = `SELECT ${COLUMNS((c) => c)} ${FROM}? ORDER BY rp."roomId"`;

type TSqliteRow = Omit<TProductListing, "archived" | "dealStartedAt" | "dealEndsAt"> & {
  archived: number;
  dealStartedAt: string | number | null;
  dealEndsAt: string | number | null;
};

/** SQLite keeps Prisma's DateTime as ISO text; older files may hold epoch milliseconds. */
const sqliteDate = (v: string | number | null) => (v === null ? null : new Date(v));

const statements = new WeakMap<Database.Database, Database.Statement<[string], TSqliteRow>>();

/**
 * Every show listing of `productId` with the product's stock and price, in one statement and off the ORM:
 * read after each change to a product, which in a flash sale is while hundreds of checkouts a second
 * occupy the web process. Through Prisma it was three queries, each a wait for a pooled connection (behind
 * the burst's session reads on PostgreSQL) or for SQLite's one lock (held by the checkout batches).
 */
export async function readProductListings(productId: string): Promise<TProductListing[]> {
  if (rawDb.kind === "postgres") {
    const result = await rawDb.reads.query<TProductListing>({
      name: "onair-product-listings",
      text: POSTGRES,
      values: [productId],
    });
    return result.rows;
  }
  const conn = sqliteReader(rawDb.file);
  let statement = statements.get(conn);
  if (!statement) statements.set(conn, (statement = conn.prepare<[string], TSqliteRow>(SQLITE)));
  return statement.all(productId).map((r) => ({
    ...r,
    archived: Boolean(r.archived),
    dealStartedAt: sqliteDate(r.dealStartedAt),
    dealEndsAt: sqliteDate(r.dealEndsAt),
  }));
}
