import { db } from "@/server/db";
import { createLogger } from "@/server/log";
import { releaseOrder } from "@/server/commerce/release-order";
import { broadcastProduct } from "@/server/commerce/broadcast-product";
import { commerceEnv } from "@/server/commerce/config";

const log = createLogger("commerce:sweeper");
const BATCH = 200;

/** Releases the units of unpaid orders whose hold ran out (optionally of one product). Returns how many. */
export async function sweepExpiredOrders(opts: { productId?: string; now?: Date } = {}): Promise<number> {
  const now = opts.now ?? new Date();
  const expired = await db.order.findMany({
    where: {
      status: "PENDING_PAYMENT",
      expiresAt: { lte: now },
      ...(opts.productId ? { lines: { some: { productId: opts.productId } } } : {}),
    },
    select: { id: true },
    orderBy: { expiresAt: "asc" },
    take: BATCH,
  });
  const products = new Set<string>();
  let released = 0;
  for (const { id } of expired) {
    const restocked = await releaseOrder(
      id,
      "EXPIRED",
      "The payment window closed; the units went back on sale.",
    );
    if (!restocked) continue; // paid or cancelled meanwhile
    released++;
    restocked.forEach((p) => products.add(p));
  }
  products.forEach(broadcastProduct);
  if (released > 0) log.info({ released, products: products.size }, "released expired holds");
  return released;
}

const slot = globalThis as unknown as { onairOrderSweeper?: NodeJS.Timeout };

/**
 * Sweeps expired holds every ORDER_SWEEP_SECONDS until the returned stop function is called. Idempotent:
 * a second call while one runs returns the same stop. Orders are also swept lazily before each reservation.
 */
export function startOrderSweeper(): () => void {
  const stop = () => {
    if (slot.onairOrderSweeper) clearInterval(slot.onairOrderSweeper);
    slot.onairOrderSweeper = undefined;
  };
  if (slot.onairOrderSweeper) return stop;
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    sweepExpiredOrders()
      .catch((err: unknown) => log.error({ err }, "sweep failed"))
      .finally(() => (running = false));
  };
  slot.onairOrderSweeper = setInterval(tick, commerceEnv().ORDER_SWEEP_SECONDS * 1000);
  slot.onairOrderSweeper.unref();
  tick();
  return stop;
}
