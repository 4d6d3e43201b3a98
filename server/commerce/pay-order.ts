import { randomBytes } from "node:crypto";
import { db } from "@/server/db";
import { ApiError, forbidden, notFound } from "@/server/http/errors";
import { createLogger } from "@/server/log";
import type { TPayOrderRequest } from "@/lib/commerce/order-schemas";
import type { TOrderView } from "@/lib/commerce/order-types";
import { getPaymentProvider } from "@/server/payments/get-payment-provider";
import { linesOf, ORDER_PRODUCT, toOrderView } from "@/server/commerce/order-view";
import { releaseOrder } from "@/server/commerce/release-order";
import { broadcastProduct } from "@/server/commerce/broadcast-product";
import { announcePurchase } from "@/server/commerce/notify";

const log = createLogger("commerce:pay");

/** A charge in flight keeps the order's units at least this long, so the sweeper never races it. */
const CHARGE_GRACE_MS = 60_000;

const expiredError = () =>
  new ApiError(
    409,
    "ORDER_EXPIRED",
    "This order's hold ran out and its units went back on sale. Please order again.",
  );

async function load(orderId: string) {
  const order = await db.order.findUnique({ where: { id: orderId }, include: ORDER_PRODUCT });
  if (!order) throw notFound("This order does not exist.");
  return order;
}

/**
 * Pays a held order with the payment provider. Paid → `PAID` with the shipping address. Declined → 402
 * PAYMENT_DECLINED with the issuer's reason, the order `FAILED` and its units back on sale. Card details
 * that cannot be right → 400 INVALID, the order stays payable. Paying a paid order again returns it.
 */
export async function payOrder(
  buyerId: string,
  orderId: string,
  input: TPayOrderRequest,
  now: () => Date = () => new Date(),
): Promise<TOrderView> {
  const order = await load(orderId);
  if (order.buyerId !== buyerId) throw forbidden();
  if (order.status === "PAID") return toOrderView(order);
  if (order.status === "EXPIRED") throw expiredError();
  if (order.status !== "PENDING_PAYMENT") {
    throw new ApiError(
      409,
      "ORDER_NOT_PAYABLE",
      `This order is ${order.status.toLowerCase()} and cannot be paid. Please order again.`,
    );
  }
  const at = now();
  if (order.expiresAt.getTime() <= at.getTime()) {
    const restocked = await releaseOrder(
      order.id,
      "EXPIRED",
      "The payment window closed; the units went back on sale.",
    );
    restocked?.forEach(broadcastProduct);
    throw expiredError();
  }

  // Claim the order for this attempt: a double-clicked Pay cannot charge twice.
  const claim = `claim_${randomBytes(9).toString("hex")}`;
  const claimed = await db.order.updateMany({
    where: { id: order.id, status: "PENDING_PAYMENT", paymentRef: null, expiresAt: { gt: at } },
    data: {
      paymentRef: claim,
      expiresAt: new Date(Math.max(order.expiresAt.getTime(), at.getTime() + CHARGE_GRACE_MS)),
    },
  });
  if (claimed.count !== 1) {
    const again = await load(order.id);
    if (again.status === "PAID") return toOrderView(again);
    throw new ApiError(409, "PAYMENT_IN_PROGRESS", "This order is already being paid. Please wait a moment.");
  }

  const provider = getPaymentProvider();
  let result;
  try {
    result = await provider.charge({
      amountMinor: order.totalMinor,
      currency: order.currency,
      card: input.card,
      description: `OnAir order ${order.id}: ${linesOf(order)
        .map((l) => `${l.quantity} × ${l.product.name}`)
        .join(", ")}`,
      idempotencyKey: order.id,
    });
  } catch (err) {
    await db.order.updateMany({ where: { id: order.id, paymentRef: claim }, data: { paymentRef: null } });
    throw err;
  }

  if (result.status === "invalid") {
    await db.order.updateMany({ where: { id: order.id, paymentRef: claim }, data: { paymentRef: null } });
    throw new ApiError(400, "INVALID", result.reason, { [`card.${result.field}`]: result.reason });
  }

  if (result.status === "declined") {
    (await releaseOrder(order.id, "FAILED", result.reason))?.forEach(broadcastProduct);
    log.info({ orderId: order.id, code: result.code }, "payment declined, units released");
    throw new ApiError(402, "PAYMENT_DECLINED", result.reason);
  }

  const paid = await db.order.updateMany({
    where: { id: order.id, status: "PENDING_PAYMENT", paymentRef: claim },
    data: {
      status: "PAID",
      paymentRef: result.reference,
      paidAt: now(),
      shipping: JSON.stringify(input.shipping),
      failureReason: null,
    },
  });
  if (paid.count !== 1) {
    // The hold ran out while the card was charged (beyond the grace): give the money back.
    await provider.refund(result.reference, order.totalMinor);
    log.warn({ orderId: order.id }, "charged after the hold ended; refunded");
    throw expiredError();
  }
  log.info({ orderId: order.id, totalMinor: order.totalMinor, currency: order.currency }, "order paid");
  if (order.roomId) void maybeAnnounce(order.roomId, order.product.name);
  return toOrderView(await load(order.id));
}

async function maybeAnnounce(roomId: string, productName: string): Promise<void> {
  const room = await db.room
    .findUnique({ where: { id: roomId }, select: { announcePurchases: true } })
    .catch(() => null);
  if (room?.announcePurchases) announcePurchase(roomId, productName);
}
