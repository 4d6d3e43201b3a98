import { randomBytes } from "node:crypto";
import { dealRuns, listingFacts, unitPrice } from "@/lib/commerce/pricing";
import type { TListingRow, TNewOrder, TStoreOps } from "@/server/commerce/checkout/store";
import type { TProductRow } from "@/server/commerce/product-row";

/** One checkout as the queue carries it: lines already carry their show (line's own, else the cart's). */
export type TReserveJob = {
  buyerId: string;
  lines: { productId: string; quantity: number; roomId: string | null }[];
  idempotencyKey: string | null;
  now: Date;
  holdSeconds: number;
  holdLimit: number;
};

export type TRefusal =
  | "NOT_FOUND"
  | "MIXED_CURRENCY"
  | "PRODUCT_UNAVAILABLE"
  | "PRODUCT_NOT_IN_SHOW"
  | "LIMIT_EXCEEDED"
  | "HOLD_LIMIT"
  | "OUT_OF_STOCK";

export type TReserveOutcome = (
  | { kind: "created"; order: TNewOrder; products: Map<string, TProductRow> }
  | {
      kind: "existing";
      orderId: string;
      lines: { productId: string; quantity: number; roomId: string | null }[];
    }
  | { kind: "refused"; code: TRefusal; productIds: string[]; limit?: number; already?: number }
) & { restocked: string[] };

/** Sortable, unique, cuid-like ids (Prisma's @default(cuid()) only runs for ORM inserts). */
export const newId = (prefix: string) =>
  `${prefix}${Date.now().toString(36)}${randomBytes(8).toString("hex")}`;

/** The listing whose deal prices a line bought without a show: the cheapest deal running now, if any. */
function bestDeal(listings: TListingRow[], product: TProductRow, now: number): TListingRow | null {
  let best: TListingRow | null = null;
  for (const l of listings) {
    const facts = listingFacts(product, l, l.roomStatus);
    if (!dealRuns(facts, now)) continue;
    if (!best || unitPrice(facts, now) < unitPrice(listingFacts(product, best, best.roomStatus), now))
      best = l;
  }
  return best;
}

/**
 * Reserves every line of one checkout or none, inside the batch's write transaction. Refusals are values
 * (the batch goes on with the next checkout); a reservation never half-happens because every check runs
 * before the first write, under the lock, and the conditional decrement is the last guard.
 */
export async function reserveCart(ops: TStoreOps, job: TReserveJob): Promise<TReserveOutcome> {
  const { buyerId, lines, now } = job;
  const at = now.getTime();
  if (job.idempotencyKey) {
    const existing = await ops.orderByKey(buyerId, job.idempotencyKey);
    if (existing) return { kind: "existing", orderId: existing.id, lines: existing.lines, restocked: [] };
  }
  const ids = lines.map((l) => l.productId);
  let products = await ops.products(ids);
  const refuse = (
    code: TRefusal,
    productIds: string[],
    more: { limit?: number; already?: number } = {},
  ): TReserveOutcome => ({ kind: "refused", code, productIds, restocked: [], ...more });

  const missing = ids.filter((id) => !products.has(id));
  if (missing.length) return refuse("NOT_FOUND", missing);
  const archived = ids.filter((id) => products.get(id)!.archived);
  if (archived.length) return refuse("PRODUCT_UNAVAILABLE", archived);
  // One order is charged once, in one currency.
  if (new Set(ids.map((id) => products.get(id)!.currency)).size > 1) return refuse("MIXED_CURRENCY", ids);

  const priced: TNewOrder["lines"] = [];
  const overLimit: string[] = [];
  const overHold: string[] = [];
  let limitInfo: { limit: number; already: number } | undefined;
  for (const line of lines) {
    const product = products.get(line.productId)!;
    let listing: TListingRow | null;
    if (line.roomId) {
      listing = await ops.listing(line.roomId, line.productId);
      if (!listing) return refuse("PRODUCT_NOT_IN_SHOW", [line.productId]);
    } else {
      listing = bestDeal(await ops.dealListings(line.productId), product, at);
    }
    const facts = listingFacts(product, listing, listing?.roomStatus ?? null);
    const price = unitPrice(facts, at);
    const limit = listing?.dealLimitPerBuyer ?? null;
    if (listing && limit !== null && dealRuns(facts, at)) {
      const already =
        line.quantity > limit
          ? 0
          : await ops.unitsSince(buyerId, listing.roomId, line.productId, listing.dealStartedAt);
      if (already + line.quantity > limit) {
        overLimit.push(line.productId);
        limitInfo ??= { limit, already };
      }
    }
    if ((await ops.heldUnits(buyerId, line.productId)) + line.quantity > job.holdLimit)
      overHold.push(line.productId);
    priced.push({
      id: newId("ln"),
      productId: line.productId,
      roomId: listing?.roomId ?? null,
      quantity: line.quantity,
      unitPriceMinor: price,
      totalMinor: price * line.quantity,
    });
  }
  if (overLimit.length) return refuse("LIMIT_EXCEEDED", overLimit, limitInfo);
  if (overHold.length) return refuse("HOLD_LIMIT", overHold, { limit: job.holdLimit });

  const short = () =>
    lines.filter((l) => products.get(l.productId)!.stock < l.quantity).map((l) => l.productId);
  let restocked: string[] = [];
  if (short().length) {
    // Units held by unpaid orders past their hold are not really taken: put them back before saying no.
    restocked = await ops.releaseExpired(short(), now);
    if (restocked.length) products = await ops.products(ids);
  }
  const failed = short();
  if (failed.length) return { ...refuse("OUT_OF_STOCK", failed), restocked };

  for (const line of lines) {
    // Cannot fail after the check above (the batch holds the write lock / the product rows); if it ever
    // did, throwing rolls the whole batch back rather than keep a half-reserved cart.
    if (!(await ops.take(line.productId, line.quantity)))
      throw new Error(`stock of ${line.productId} moved under the lock`);
  }
  const order: TNewOrder = {
    id: newId("c"),
    buyerId,
    roomId: priced[0]!.roomId,
    currency: products.get(ids[0]!)!.currency,
    totalMinor: priced.reduce((n, l) => n + l.totalMinor, 0),
    idempotencyKey: job.idempotencyKey,
    expiresAt: new Date(at + job.holdSeconds * 1000),
    createdAt: now,
    lines: priced,
  };
  await ops.insertOrder(order);
  return { kind: "created", order, products, restocked };
}
