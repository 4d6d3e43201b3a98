import type { Prisma } from "@prisma/client";
import { commerceEnv } from "@/server/commerce/config";

/**
 * The auction winner's order: the unit the auction took out of stock, at the winning bid, waiting for payment
 * under the normal hold (ORDER_HOLD_SECONDS; unpaid, it expires and the unit goes back on sale). Keyed by
 * the auction, so closing twice can never sell the unit twice.
 */
export function createWinnerOrder(
  tx: Prisma.TransactionClient,
  a: { id: string; buyerId: string; productId: string; roomId: string; priceMinor: number; currency: string },
  now: Date,
) {
  return tx.order.create({
    data: {
      buyerId: a.buyerId,
      productId: a.productId,
      roomId: a.roomId,
      quantity: 1,
      unitPriceMinor: a.priceMinor,
      totalMinor: a.priceMinor,
      currency: a.currency,
      idempotencyKey: `auction:${a.id}`,
      expiresAt: new Date(now.getTime() + commerceEnv().ORDER_HOLD_SECONDS * 1000),
      lines: {
        create: [
          {
            productId: a.productId,
            roomId: a.roomId,
            position: 0,
            quantity: 1,
            unitPriceMinor: a.priceMinor,
            totalMinor: a.priceMinor,
          },
        ],
      },
    },
    select: { id: true },
  });
}
