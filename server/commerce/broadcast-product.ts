import { db } from "@/server/db";
import { createLogger } from "@/server/log";
import { notifyProductUpdate } from "@/server/commerce/notify";
import { dealIsLive } from "@/server/commerce/unit-price";
import type { TProductUpdate } from "@/lib/commerce/order-types";

const log = createLogger("commerce");

/** `product:update` payloads of one product for every show it is attached to, as of `now`. */
export async function productUpdates(productId: string, now = new Date()): Promise<TProductUpdate[]> {
  const product = await db.product.findUnique({ where: { id: productId }, include: { rooms: true } });
  if (!product) return [];
  return product.rooms.map((rp) => {
    const live = dealIsLive(rp, now);
    return {
      roomId: rp.roomId,
      productId,
      stock: product.stock,
      price: live ? Math.min(rp.dealPriceMinor, product.priceMinor) : product.priceMinor,
      priceMinor: product.priceMinor,
      currency: product.currency,
      deal: live
        ? {
            priceMinor: rp.dealPriceMinor,
            endsAt: rp.dealEndsAt.toISOString(),
            limitPerBuyer: rp.dealLimitPerBuyer,
          }
        : null,
      archived: product.archivedAt !== null,
    };
  });
}

/** Re-reads the product after a change and tells every show's viewers; never throws. */
export function broadcastProduct(productId: string): void {
  productUpdates(productId)
    .then((updates) => updates.forEach(notifyProductUpdate))
    .catch((err: unknown) => log.warn({ err, productId }, "could not read product for broadcast"));
}
