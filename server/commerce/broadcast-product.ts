import { readProductListings } from "@/server/commerce/read-product-listings";
import { createLogger } from "@/server/log";
import { notifyProductUpdate } from "@/server/commerce/notify";
import { dealRuns, listingFacts, unitPrice } from "@/lib/commerce/pricing";
import type { TProductUpdate } from "@/lib/commerce/product-update.types";
import { processWide } from "@/server/process-state";

const log = createLogger("commerce");

/** `product:update` payloads of one product for every show it is attached to, as of `now`. */
export async function productUpdates(productId: string, now = new Date()): Promise<TProductUpdate[]> {
  return (await readProductListings(productId)).map((l) => {
    const facts = listingFacts(l, l, l.roomStatus);
    const live = dealRuns(facts, now.getTime());
    return {
      roomId: l.roomId,
      productId,
      stock: l.stock,
      price: unitPrice(facts, now.getTime()),
      priceMinor: l.priceMinor,
      currency: l.currency,
      deal:
        live && l.dealPriceMinor !== null && l.dealEndsAt
          ? {
              priceMinor: l.dealPriceMinor,
              endsAt: l.dealEndsAt.toISOString(),
              limitPerBuyer: l.dealLimitPerBuyer,
            }
          : null,
      archived: l.archived,
    };
  });
}

/**
 * During a burst one product changes hundreds of times a second; viewers need its latest state, not every
 * step. The first change goes out at once; later ones fold into one trailing update, read once the read in
 * flight is done and this window has passed since it started: at most 20 reads + broadcasts a second, and a
 * sold-out product greys out within the window plus one read and delivery (counted from the end of the
 * read instead, a read slowed by the burst delayed the trailing update by itself plus the whole window).
 */
const WINDOW_MS = 50;
const inFlight = processWide("product-broadcasts", () => new Map<string, { dirty: boolean }>());

function send(productId: string): void {
  const started = performance.now();
  productUpdates(productId)
    .then((updates) => updates.forEach(notifyProductUpdate))
    .catch((err: unknown) => log.warn({ err, productId }, "could not read product for broadcast"))
    .finally(() => {
      const next = () => {
        const state = inFlight.get(productId);
        inFlight.delete(productId);
        if (state?.dirty) broadcastProduct(productId);
      };
      setTimeout(next, Math.max(0, started + WINDOW_MS - performance.now())).unref();
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
