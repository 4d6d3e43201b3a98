import { Prisma } from "@prisma/client";
import { db } from "@/server/db";
import { ApiError, notFound } from "@/server/http/errors";
import { createLogger } from "@/server/log";
import type { TPlaceOrderRequest } from "@/lib/commerce/order-schemas";
import type { TOrderView } from "@/lib/commerce/order-types";
import { commerceEnv } from "@/server/commerce/config";
import { lockBuyer } from "@/server/commerce/lock-buyer";
import { ORDER_PRODUCT, toOrderView, type TOrderRow } from "@/server/commerce/order-view";
import { sweepExpiredOrders } from "@/server/commerce/sweep-expired-orders";
import { broadcastProduct } from "@/server/commerce/broadcast-product";
import { dealIsLive } from "@/server/commerce/unit-price";
import { TX_OPTIONS, withBusyRetry } from "@/server/commerce/with-busy-retry";
import { countOrder } from "@/server/metrics/registry";

const log = createLogger("commerce");

export type TPlaceOrderResult = { order: TOrderView; created: boolean };

// The transaction reports refusals as values instead of throwing: a rollback on the shared SQLite
// connection would also undo unrelated writes that other requests interleaved with it.
type TReserve =
  | { kind: "created"; order: TOrderRow }
  | { kind: "existing"; order: TOrderRow }
  | { kind: "notFound" | "unavailable" | "notInShow" | "outOfStock" }
  | { kind: "limit"; limit: number; already: number };

const outOfStock = () =>
  new ApiError(409, "OUT_OF_STOCK", "Sorry, there is not enough stock left for this order.");

function sameRequest(order: TOrderRow, input: TPlaceOrderRequest): boolean {
  return (
    order.productId === input.productId &&
    order.quantity === input.quantity &&
    order.roomId === (input.roomId ?? null)
  );
}

function replay(order: TOrderRow, input: TPlaceOrderRequest): TPlaceOrderResult {
  if (!sameRequest(order, input)) {
    throw new ApiError(
      409,
      "IDEMPOTENCY_CONFLICT",
      "This idempotency key was already used for a different order.",
    );
  }
  return { order: toOrderView(order), created: false };
}

async function findByKey(buyerId: string, key: string | undefined, client: Prisma.TransactionClient = db) {
  if (!key) return null;
  return client.order.findUnique({
    where: { buyerId_idempotencyKey: { buyerId, idempotencyKey: key } },
    include: ORDER_PRODUCT,
  });
}

function limitError(limit: number, already: number): ApiError {
  const left = Math.max(0, limit - already);
  return new ApiError(
    409,
    "LIMIT_EXCEEDED",
    `This deal allows ${limit} per buyer${already > 0 ? `; you can add ${left} more` : ""}.`,
  );
}

/** Units of this product the buyer holds or bought in this show since the deal began. */
async function unitsDuringDeal(
  tx: Prisma.TransactionClient,
  buyerId: string,
  roomId: string,
  productId: string,
  since: Date | null,
) {
  const sum = await tx.order.aggregate({
    _sum: { quantity: true },
    where: {
      buyerId,
      roomId,
      productId,
      status: { in: ["PENDING_PAYMENT", "PAID"] },
      ...(since ? { createdAt: { gte: since } } : {}),
    },
  });
  return sum._sum.quantity ?? 0;
}

async function reserve(buyerId: string, input: TPlaceOrderRequest, now: () => Date): Promise<TReserve> {
  return db.$transaction(async (tx) => {
    await lockBuyer(tx, buyerId);
    const existing = await findByKey(buyerId, input.idempotencyKey, tx);
    if (existing) return { kind: "existing", order: existing };

    const at = now();
    const product = await tx.product.findUnique({
      where: { id: input.productId },
      select: { priceMinor: true, currency: true, archivedAt: true },
    });
    if (!product) return { kind: "notFound" };
    if (product.archivedAt) return { kind: "unavailable" };
    let unitPriceMinor = product.priceMinor;
    if (input.roomId) {
      const listing = await tx.roomProduct.findUnique({
        where: { roomId_productId: { roomId: input.roomId, productId: input.productId } },
      });
      if (!listing) return { kind: "notInShow" };
      if (dealIsLive(listing, at)) {
        // A list price lowered below the deal price mid-deal wins: a deal never costs more.
        unitPriceMinor = Math.min(listing.dealPriceMinor, product.priceMinor);
        const limit = listing.dealLimitPerBuyer;
        if (limit !== null) {
          const already =
            input.quantity > limit
              ? 0
              : await unitsDuringDeal(tx, buyerId, input.roomId, input.productId, listing.dealStartedAt);
          if (already + input.quantity > limit) return { kind: "limit", limit, already };
        }
      }
    }

    // The one atomic conditional update that makes overselling impossible: it only decrements when
    // enough units remain, and the database applies it under its write lock (SQLite) or row lock (PostgreSQL).
    const taken = await tx.product.updateMany({
      where: { id: input.productId, archivedAt: null, stock: { gte: input.quantity } },
      data: { stock: { decrement: input.quantity } },
    });
    if (taken.count !== 1) return { kind: "outOfStock" };

    const order = await tx.order.create({
      data: {
        buyerId,
        productId: input.productId,
        roomId: input.roomId ?? null,
        quantity: input.quantity,
        unitPriceMinor,
        totalMinor: unitPriceMinor * input.quantity,
        currency: product.currency,
        idempotencyKey: input.idempotencyKey ?? null,
        expiresAt: new Date(at.getTime() + commerceEnv().ORDER_HOLD_SECONDS * 1000),
      },
      include: ORDER_PRODUCT,
    });
    return { kind: "created", order };
  }, TX_OPTIONS);
}

function isUniqueViolation(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";
}

/** One reservation attempt, retried while the database is busy; a concurrent same-key insert yields its order. */
async function reserveOnce(buyerId: string, input: TPlaceOrderRequest, now: () => Date): Promise<TReserve> {
  try {
    return await withBusyRetry("place order", () => reserve(buyerId, input, now));
  } catch (err) {
    // Another process placed the same keyed order between our check and our insert (rolled back).
    if (!isUniqueViolation(err)) throw err;
    const winner = await findByKey(buyerId, input.idempotencyKey);
    if (!winner) throw err;
    return { kind: "existing", order: winner };
  }
}

/**
 * Places an order: reserves the units with one conditional update inside a transaction and holds them for
 * ORDER_HOLD_SECONDS until payment. The price is decided here by the server's clock. The same idempotency
 * key returns the first order (`created: false`) instead of placing another.
 */
export async function placeOrder(
  buyerId: string,
  input: TPlaceOrderRequest,
  now: () => Date = () => new Date(),
): Promise<TPlaceOrderResult> {
  const earlier = await findByKey(buyerId, input.idempotencyKey);
  if (earlier) return replay(earlier, input);

  let result = await reserveOnce(buyerId, input, now);
  // Units held by unpaid orders past their hold are not really taken: release them and try once more
  // before telling a buyer it sold out (the interval sweeper does the rest).
  if (
    result.kind === "outOfStock" &&
    (await sweepExpiredOrders({ productId: input.productId, now: now() })) > 0
  ) {
    result = await reserveOnce(buyerId, input, now);
  }

  switch (result.kind) {
    case "existing":
      return replay(result.order, input);
    case "outOfStock":
      throw outOfStock();
    case "notFound":
      throw notFound("This product does not exist.");
    case "unavailable":
      throw new ApiError(409, "PRODUCT_UNAVAILABLE", "This product is no longer for sale.");
    case "notInShow":
      if (!(await db.room.findUnique({ where: { id: input.roomId }, select: { id: true } })))
        throw notFound("This show does not exist.");
      throw new ApiError(400, "PRODUCT_NOT_IN_SHOW", "This product is not sold in this show.");
    case "limit":
      throw limitError(result.limit, result.already);
    case "created":
      log.info(
        { orderId: result.order.id, productId: input.productId, quantity: input.quantity },
        "order placed",
      );
      broadcastProduct(input.productId);
      countOrder();
      return { order: toOrderView(result.order), created: true };
  }
}
