import { createLogger } from "@/server/log";
import { reservationQueue } from "@/server/commerce/checkout/reservation-queue-of";
import { broadcastProduct } from "@/server/commerce/broadcast-product";
import { commerceEnv } from "@/server/commerce/config";
import { processSlot } from "@/server/process-state";

const log = createLogger("commerce:sweeper");
/** ~20 µs of SQL per order: a sale's whole wave of 1,500 expiring holds goes back in two ticks. */
const BATCH = 1000;

/**
 * Releases the units of unpaid orders whose hold ran out (at most BATCH per call) and tells viewers.
 * Returns how many. One raw transaction per call: it used to be one Prisma transaction of three queries
 * per order, and the query compiler made that the top cost of the web tier's profile while a sale's
 * holds expired.
 */
export async function sweepExpiredOrders(opts: { now?: Date } = {}): Promise<number> {
  const { released, restocked } = await reservationQueue().sweep(opts.now ?? new Date(), BATCH);
  restocked.forEach(broadcastProduct);
  if (released > 0) log.info({ released, products: restocked.length }, "released expired holds");
  return released;
}

const slot = processSlot<NodeJS.Timeout>("order-sweeper");

/**
 * Sweeps expired holds every ORDER_SWEEP_SECONDS until the returned stop function is called. Idempotent:
 * a second call while one runs returns the same stop. A checkout that finds too little stock also releases
 * that product's expired holds first.
 */
export function startOrderSweeper(): () => void {
  const stop = () => {
    if (slot.current) clearInterval(slot.current);
    slot.current = undefined;
  };
  if (slot.current) return stop;
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    sweepExpiredOrders()
      .catch((err: unknown) => log.error({ err }, "sweep failed"))
      .finally(() => (running = false));
  };
  slot.current = setInterval(tick, commerceEnv().ORDER_SWEEP_SECONDS * 1000);
  slot.current.unref();
  tick();
  return stop;
}
