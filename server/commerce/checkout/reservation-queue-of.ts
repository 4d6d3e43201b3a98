import { CHECKOUT_PARALLEL_BATCHES, rawDb, type TRawDatabase } from "@/server/db";
import { sqliteStore } from "@/server/commerce/checkout/store-sqlite";
import { postgresStore } from "@/server/commerce/checkout/store-postgres";
import { ReservationQueue } from "@/server/commerce/checkout/reservation-queue";
import { processSlot } from "@/server/process-state";

// One queue per process and database (process-wide: Next.js route bundles load their own module copies,
// and two queues would split the batches the group commit is there to build).
const slot = processSlot<{ raw: TRawDatabase; queue: ReservationQueue }>("reservation-queue");

/** The process's checkout queue on the database `db` uses. */
export function reservationQueue(): ReservationQueue {
  if (slot.current?.raw !== rawDb) {
    const store =
      rawDb.kind === "sqlite"
        ? sqliteStore(rawDb.file, rawDb.lock)
        : postgresStore(rawDb.checkout, CHECKOUT_PARALLEL_BATCHES);
    slot.current = { raw: rawDb, queue: new ReservationQueue(store) };
  }
  return slot.current.queue;
}
