import { db } from "@/server/db";
import { notFound } from "@/server/http/errors";
import { createLogger } from "@/server/log";
import { broadcastProduct } from "@/server/commerce/broadcast-product";
import { withBusyRetry } from "@/server/commerce/with-busy-retry";

const log = createLogger("commerce");

/** Ends a show's flash deal on a product now (no-op when none runs); viewers get the regular price back. */
export async function stopDeal(roomId: string, productId: string): Promise<void> {
  const changed = await withBusyRetry("stop deal", () =>
    db.roomProduct.updateMany({
      where: { roomId, productId },
      data: { dealPriceMinor: null, dealStartedAt: null, dealEndsAt: null, dealLimitPerBuyer: null },
    }),
  );
  if (changed.count === 0) throw notFound("This product is not in this show.");
  log.info({ roomId, productId }, "flash deal stopped");
  broadcastProduct(productId);
}
