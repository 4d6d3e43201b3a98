import { randomInt } from "node:crypto";
import type { Prisma } from "@prisma/client";
import type { TGiveawayView } from "@/lib/giveaways/giveaway-schemas";
import { GIVEAWAY_SELECT, toGiveawayView } from "@/server/giveaways/giveaway-view";
import { GIVEAWAYS } from "@/server/giveaways/giveaway-feature";
import { finishDue, liveItemFinish } from "@/server/engage/finish-live-item";

/**
 * Ends a giveaway exactly once. A conditional update moves it from RUNNING (for "due" only once its clock ran
 * out; a cancel only before that, so a drawn giveaway stays drawn); that update also locks the row every
 * entry touches, so no entry lands after the count. The winner is entry number randomInt(n) (node:crypto,
 * uniform) in a fixed order, gets the unit as a free order (PAID at 0), and the draw is in the audit log with
 * the number of entrants. Without entrants, or cancelled, the unit goes back to stock.
 * Returns the final view when this call ended it, null when it was not due or already over.
 */
export const finishGiveaway = liveItemFinish(
  GIVEAWAYS,
  async (tx, giveawayId, how, now) => {
    const g = await tx.giveaway.findUniqueOrThrow({
      where: { id: giveawayId },
      select: { roomId: true, productId: true, product: { select: { currency: true } } },
    });
    const entrants = await tx.giveawayEntry.count({ where: { giveawayId } });
    let winnerId: string | null = null;
    let orderId: string | null = null;
    if (how.kind === "due" && entrants > 0) {
      const [drawn] = await tx.giveawayEntry.findMany({
        where: { giveawayId },
        orderBy: [{ createdAt: "asc" }, { userId: "asc" }],
        skip: randomInt(entrants),
        take: 1,
        select: { userId: true },
      });
      if (drawn) {
        winnerId = drawn.userId;
        orderId = (
          await createFreeOrder(
            tx,
            { giveawayId, buyerId: winnerId, ...g, currency: g.product.currency },
            now,
          )
        ).id;
      }
    }
    if (!orderId) await tx.product.update({ where: { id: g.productId }, data: { stock: { increment: 1 } } });
    await tx.auditLog.create({
      data: {
        actorId: how.kind === "cancel" ? how.actorId : null,
        action: how.kind === "cancel" ? "giveaway.cancel" : "giveaway.draw",
        roomId: g.roomId,
        targetUserId: winnerId,
        details: JSON.stringify({
          giveawayId,
          productId: g.productId,
          entrants,
          winnerId,
          orderId,
          ...(how.kind === "cancel" ? { reason: how.reason } : {}),
        }),
      },
    });
    const row = await tx.giveaway.update({
      where: { id: giveawayId },
      data: { entrantCount: entrants, winnerId, orderId },
      select: GIVEAWAY_SELECT,
    });
    return toGiveawayView(row);
  },
  (view) => ({
    giveawayId: view.id,
    status: view.status,
    entrants: view.entrants,
    winner: view.winner?.id ?? null,
  }),
);

/** The prize: one unit at 0, already PAID (nothing to charge), one order line like every checkout order. */
function createFreeOrder(
  tx: Prisma.TransactionClient,
  g: { giveawayId: string; buyerId: string; productId: string; roomId: string; currency: string },
  now: Date,
) {
  return tx.order.create({
    data: {
      buyerId: g.buyerId,
      productId: g.productId,
      roomId: g.roomId,
      quantity: 1,
      unitPriceMinor: 0,
      totalMinor: 0,
      currency: g.currency,
      status: "PAID",
      paidAt: now,
      paymentRef: `giveaway:${g.giveawayId}`,
      idempotencyKey: `giveaway:${g.giveawayId}`,
      expiresAt: now,
      lines: {
        create: [
          {
            productId: g.productId,
            roomId: g.roomId,
            position: 0,
            quantity: 1,
            unitPriceMinor: 0,
            totalMinor: 0,
          },
        ],
      },
    },
    select: { id: true },
  });
}

/** Draws every giveaway whose clock ran out (the master calls this on its tick; anyone may). */
export function finishDueGiveaways(now = new Date(), notify = true): Promise<TGiveawayView[]> {
  return finishDue(GIVEAWAYS, finishGiveaway, now, notify);
}
