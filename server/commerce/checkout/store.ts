import type { TBatchOps } from "@/server/commerce/checkout/batch-ops";
import type { TReserveJob } from "@/server/commerce/checkout/reserve-cart";
import type { TProductRow } from "@/server/commerce/product-row";

/**
 * What one checkout reads and writes inside the batch transaction, as a small interface with two real
 * implementations without the ORM (store-sqlite.ts, store-postgres.ts): the profile of the old path spent
 * ~40% of the web process's non-bcrypt CPU in Prisma (Wasm query compiler, client, adapter) and held
 * SQLite's one connection across event-loop turns, which capped a burst at ~65 orders/s (docs/PERFORMANCE.md).
 */

export type TListingRow = {
  roomId: string;
  roomStatus: string;
  dealPriceMinor: number | null;
  dealStartedAt: Date | null;
  dealEndsAt: Date | null;
  dealLimitPerBuyer: number | null;
};

export type TKeyedOrder = {
  id: string;
  lines: { productId: string; quantity: number; roomId: string | null }[];
};

export type TNewOrder = {
  id: string;
  buyerId: string;
  roomId: string | null;
  currency: string;
  totalMinor: number;
  idempotencyKey: string | null;
  expiresAt: Date;
  createdAt: Date;
  lines: {
    id: string;
    productId: string;
    roomId: string | null;
    quantity: number;
    unitPriceMinor: number;
    totalMinor: number;
  }[];
};

/**
 * A new order's "Order" values in the order both stores' INSERTs name the columns (id, buyerId, productId,
 * roomId, quantity, unitPriceMinor, totalMinor, currency, idempotencyKey, expiresAt, createdAt), its first line
 * standing for the order; `time` writes a date the way the store reads it back.
 */
export function orderValues(o: TNewOrder, time: (d: Date) => string) {
  const first = o.lines[0]!;
  return [
    o.id,
    o.buyerId,
    first.productId,
    o.roomId,
    first.quantity,
    first.unitPriceMinor,
    o.totalMinor,
    o.currency,
    o.idempotencyKey,
    time(o.expiresAt),
    time(o.createdAt),
  ] as const;
}

/** Its "OrderLine" values, a row per line in the INSERTs' column order (id, orderId, productId, roomId, position, …). */
export function lineValues(o: TNewOrder) {
  return o.lines.map(
    (l, position) =>
      [l.id, o.id, l.productId, l.roomId, position, l.quantity, l.unitPriceMinor, l.totalMinor] as const,
  );
}

/** Statements of the checkout, run inside one open write transaction. */
export type TStoreOps = {
  orderByKey(buyerId: string, key: string): Promise<TKeyedOrder | null>;
  products(ids: string[]): Promise<Map<string, TProductRow>>;
  listing(roomId: string, productId: string): Promise<TListingRow | null>;
  /** The product's listings that carry a deal, in shows not ENDED. */
  dealListings(productId: string): Promise<TListingRow[]>;
  /** Units of the product the buyer holds or paid for, bought from `roomId` since `since`. */
  unitsSince(buyerId: string, roomId: string, productId: string, since: Date | null): Promise<number>;
  /** Unpaid units of the product the buyer holds now. */
  heldUnits(buyerId: string, productId: string): Promise<number>;
  /** Ends unpaid orders past their hold that hold any of these products; returns every product restocked. */
  releaseExpired(productIds: string[], now: Date): Promise<string[]>;
  /** Ends up to `limit` unpaid orders past their hold, of any product; returns how many and what restocked. */
  sweep(now: Date, limit: number): Promise<{ released: number; restocked: string[] }>;
  /** The conditional decrement that makes overselling impossible; false when too few units remain. */
  take(productId: string, quantity: number): Promise<boolean>;
  insertOrder(order: TNewOrder): Promise<void>;
  /**
   * Optional: the same statements for a whole batch of checkouts, answered from a few reads made up front
   * and written at `flush` (server/commerce/checkout/batch-ops.ts). Where a round trip is the cost.
   */
  forBatch?(jobs: TReserveJob[]): Promise<TBatchOps>;
};

/** Runs `fn` in one write transaction that locks `productIds` first (committed when it resolves). */
export type TReserveStore = {
  /** How many batches may run at once (SQLite has one writer; PostgreSQL can lock different products). */
  readonly parallel: number;
  transaction<T>(productIds: string[], fn: (ops: TStoreOps) => Promise<T>): Promise<T>;
};
