import { db } from "@/server/db";
import { ApiError } from "@/server/http/errors";
import { createLogger } from "@/server/log";
import type { TOrderView } from "@/lib/commerce/order-types";
import { commerceEnv } from "@/server/commerce/config";
import { ORDER_PRODUCT, toOrderView } from "@/server/commerce/order-view";
import { broadcastProduct } from "@/server/commerce/broadcast-product";
import { reservationQueue } from "@/server/commerce/checkout/reservation-queue-of";
import type { TReserveJob, TReserveOutcome } from "@/server/commerce/checkout/reserve-cart";
import { countOrder } from "@/server/metrics/registry";

const log = createLogger("commerce");

export type TCheckOutInput = {
  lines: { productId: string; quantity: number; roomId?: string }[];
  idempotencyKey?: string;
  /** The show every line without its own `roomId` is bought from. */
  roomId?: string;
};
export type TCheckOutResult = { order: TOrderView; created: boolean };

type TJobLine = TReserveJob["lines"][number];
type TRefused = Extract<TReserveOutcome, { kind: "refused" }>;

const sameLines = (stored: TJobLine[], asked: TJobLine[]) =>
  stored.length === asked.length &&
  asked.every((a) =>
    stored.some(
      (s) =>
        s.productId === a.productId &&
        s.quantity === a.quantity &&
        (a.roomId === null || a.roomId === s.roomId),
    ),
  );

async function refusal(r: TRefused, lines: TJobLine[]): Promise<ApiError> {
  const more = { productIds: r.productIds };
  const one = lines.length === 1;
  switch (r.code) {
    case "OUT_OF_STOCK":
      return new ApiError(
        409,
        "OUT_OF_STOCK",
        one
          ? "Sorry, there is not enough stock left for this order."
          : "Sorry, some products of your cart sold out; nothing was reserved.",
        undefined,
        more,
      );
    case "LIMIT_EXCEEDED": {
      const { limit = 0, already = 0 } = r;
      const left = Math.max(0, limit - already);
      const tail = already > 0 ? `; you can add ${left} more` : "";
      return new ApiError(
        409,
        "LIMIT_EXCEEDED",
        `This deal allows ${limit} per buyer${tail}.`,
        undefined,
        more,
      );
    }
    case "HOLD_LIMIT":
      return new ApiError(
        409,
        "HOLD_LIMIT",
        `You already hold unpaid units of this product: pay for them or cancel them first (at most ${r.limit} unpaid per product).`,
        undefined,
        more,
      );
    case "PRODUCT_UNAVAILABLE":
      return new ApiError(409, "PRODUCT_UNAVAILABLE", "This product is no longer for sale.", undefined, more);
    case "MIXED_CURRENCY":
      return new ApiError(
        400,
        "MIXED_CURRENCY",
        "Products priced in different currencies need separate checkouts.",
        undefined,
        more,
      );
    case "NOT_FOUND":
      return new ApiError(404, "NOT_FOUND", "This product does not exist.", undefined, more);
    case "PRODUCT_NOT_IN_SHOW": {
      const roomId = lines.find((l) => l.productId === r.productIds[0])?.roomId;
      const room = roomId ? await db.room.findUnique({ where: { id: roomId }, select: { id: true } }) : null;
      if (!room) return new ApiError(404, "NOT_FOUND", "This show does not exist.", undefined, more);
      return new ApiError(
        400,
        "PRODUCT_NOT_IN_SHOW",
        "This product is not sold in this show.",
        undefined,
        more,
      );
    }
  }
}

/**
 * Checks out a cart: one order whose lines are all reserved in one step, or none (409 with `productIds`,
 * the lines that failed). The server decides every price by its clock (lib/commerce/pricing.ts) and holds
 * the units ORDER_HOLD_SECONDS for one payment. The same idempotency key returns the first order
 * (`created: false`); a different cart under it is 409 IDEMPOTENCY_CONFLICT.
 */
export async function checkOut(
  buyerId: string,
  input: TCheckOutInput,
  now: () => Date = () => new Date(),
): Promise<TCheckOutResult> {
  const env = commerceEnv();
  const lines: TJobLine[] = input.lines.map((l) => ({
    productId: l.productId,
    quantity: l.quantity,
    roomId: l.roomId ?? input.roomId ?? null,
  }));
  const outcome = await reservationQueue().submit({
    buyerId,
    lines,
    idempotencyKey: input.idempotencyKey ?? null,
    now: now(),
    holdSeconds: env.ORDER_HOLD_SECONDS,
    holdLimit: env.ORDER_HOLD_LIMIT,
  });
  outcome.restocked.forEach(broadcastProduct);

  if (outcome.kind === "refused") throw await refusal(outcome, lines);
  if (outcome.kind === "existing") {
    if (!sameLines(outcome.lines, lines)) {
      throw new ApiError(
        409,
        "IDEMPOTENCY_CONFLICT",
        "This idempotency key was already used for a different order.",
      );
    }
    const order = await db.order.findUniqueOrThrow({
      where: { id: outcome.orderId },
      include: ORDER_PRODUCT,
    });
    return { order: toOrderView(order), created: false };
  }

  const { order, products } = outcome;
  log.info({ orderId: order.id, lines: order.lines.length, totalMinor: order.totalMinor }, "order placed");
  order.lines.forEach((l) => broadcastProduct(l.productId));
  countOrder();
  const name = (id: string) => {
    const p = products.get(id)!;
    return { name: p.name, imageUrl: p.imageUrl };
  };
  const first = order.lines[0]!;
  return {
    created: true,
    order: {
      id: order.id,
      productId: first.productId,
      roomId: order.roomId,
      quantity: first.quantity,
      status: "PENDING_PAYMENT",
      unitPriceMinor: first.unitPriceMinor,
      totalMinor: order.totalMinor,
      currency: order.currency,
      expiresAt: order.expiresAt.toISOString(),
      createdAt: order.createdAt.toISOString(),
      paidAt: null,
      failureReason: null,
      product: name(first.productId),
      lines: order.lines.map((l) => ({
        productId: l.productId,
        roomId: l.roomId,
        quantity: l.quantity,
        unitPriceMinor: l.unitPriceMinor,
        totalMinor: l.totalMinor,
        product: name(l.productId),
      })),
    },
  };
}
