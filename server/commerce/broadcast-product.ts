import { db } from "@/server/db";
import { createLogger } from "@/server/log";
import { notifyProductUpdate } from "@/server/commerce/notify";
import { dealRuns, listingFacts, unitPrice } from "@/lib/commerce/pricing";
import type { TProductUpdate } from "@/lib/commerce/product-update.types";
import { processWide } from "@/server/process-state";

const log = createLogger("commerce");

/** `product:update` payloads of one product for every show it is attached to, as of `now`. */
export async function productUpdates(productId: string, now = new Date()): Promise<TProductUpdate[]> {
  const product = await db.product.findUnique({
    where: { id: productId },
    include: { rooms: { include: { room: { select: { status: true } } } } },
  });
  if (!product) return [];
  return product.rooms.map((rp) => {
    const facts = listingFacts(product, rp, rp.room.status);
    const live = dealRuns(facts, now.getTime());
    return {
      roomId: rp.roomId,
      productId,
      stock: product.stock,
      price: unitPrice(facts, now.getTime()),
      priceMinor: product.priceMinor,
      currency: product.currency,
      deal:
        live && rp.dealPriceMinor !== null && rp.dealEndsAt
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

/**
 * During a burst one product changes hundreds of times a second; viewers need its latest state, not every
 * step. The first change goes out at once, later ones within this window fold into one trailing update, so
 * a sold-out product greys out within ~50 ms plus delivery, at most 20 reads + broadcasts a second.
 */
const WINDOW_MS = 50;
const inFlight = processWide("product-broadcasts", () => new Map<string, { dirty: boolean }>());

function send(productId: string): void {
  productUpdates(productId)
    .then((updates) => updates.forEach(notifyProductUpdate))
    .catch((err: unknown) => log.warn({ err, productId }, "could not read product for broadcast"))
    .finally(() => {
      setTimeout(() => {
        const state = inFlight.get(productId);
        inFlight.delete(productId);
        if (state?.dirty) broadcastProduct(productId);
      }, WINDOW_MS).unref();
    });
}

/** Re-reads the product after a change and tells every show's viewers (throttled per product); never throws. */
export function broadcastProduct(productId: string): void {
  const state = inFlight.get(productId);
  if (state) {
    state.dirty = true;
    return;
  }
  inFlight.set(productId, { dirty: false });
  send(productId);
}
