import { db } from "@/server/db";
import { isUniqueViolation } from "@/server/db-errors";
import { createLogger } from "@/server/log";
import { withBusyRetry } from "@/server/commerce/with-busy-retry";

const log = createLogger("notifications");

/**
 * Rows per INSERT: a show with 5,000 reminders is 5 statements, not 5,000; each row binds 4 values, well
 * under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters.
 */
const BATCH = 1000;

/**
 * The show went live: one SHOW_LIVE notification for every viewer who asked to be reminded and has not been
 * notified yet, and their reminders marked notified, in one transaction. Safe to run any number of times
 * (a media node restart calls markLive again): notified reminders are skipped, and the unique key on
 * (userId, roomId, kind) refuses a second notification even when two runs race. Returns how many it created.
 */
export async function notifyShowLive(roomId: string, now = new Date()): Promise<number> {
  try {
    return await withBusyRetry("notify show live", () =>
      db.$transaction(async (tx) => {
        const pending = await tx.reminder.findMany({
          where: { roomId, notifiedAt: null },
          select: { userId: true },
        });
        let created = 0;
        for (let i = 0; i < pending.length; i += BATCH) {
          const userIds = pending.slice(i, i + BATCH).map((r) => r.userId);
          const batch = await tx.notification.createMany({
            data: userIds.map((userId) => ({ userId, roomId, kind: "SHOW_LIVE" as const, createdAt: now })),
          });
          created += batch.count;
          await tx.reminder.updateMany({
            where: { roomId, userId: { in: userIds } },
            data: { notifiedAt: now },
          });
        }
        return created;
      }),
    );
  } catch (err) {
    // Another run got there first (its transaction committed the same rows): nothing is left to do.
    if (isUniqueViolation(err)) return 0;
    throw err;
  }
}

/**
 * What go-live calls: notifies in the background so the show never waits for it, and a failure is logged,
 * never thrown (the show is on air whatever happens to the bell). The next markLive retries it.
 */
export function notifyShowLiveInBackground(roomId: string): void {
  notifyShowLive(roomId).then(
    (created) => {
      if (created > 0) log.info({ roomId, created }, "show live: reminders notified");
    },
    (err: unknown) => log.error({ err, roomId }, "show live: notifying reminders failed"),
  );
}
