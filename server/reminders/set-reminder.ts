import { db } from "@/server/db";
import { isUniqueViolation } from "@/server/db-errors";
import { ApiError, notFound } from "@/server/http/errors";
import { notifyShowLive } from "@/server/notifications/notify-show-live";
import type { TReminderState } from "@/lib/reminders/reminder-schemas";

async function upcomingShow(roomId: string): Promise<void> {
  const room = await db.room.findUnique({ where: { id: roomId }, select: { status: true } });
  if (!room) throw notFound("This show does not exist.");
  if (room.status === "LIVE")
    throw new ApiError(409, "SHOW_LIVE", "This show is already live: watch it now instead.");
  if (room.status === "ENDED")
    throw new ApiError(409, "SHOW_ENDED", "This show has ended: reminders are for upcoming shows.");
}

/**
 * "Remind me" on (or off) for a show that has not started. Setting it twice is once. A show that went live
 * between the check and the write still notifies this viewer: go-live may already have run, so it is run
 * again (it is idempotent).
 */
export async function setReminder(userId: string, roomId: string, on: boolean): Promise<TReminderState> {
  await upcomingShow(roomId);
  if (!on) {
    await db.reminder.deleteMany({ where: { userId, roomId } });
    return { roomId, reminded: false };
  }
  try {
    await db.reminder.upsert({
      where: { userId_roomId: { userId, roomId } },
      create: { userId, roomId },
      update: {},
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err; // a concurrent PUT of the same viewer created it
  }
  const after = await db.room.findUnique({ where: { id: roomId }, select: { status: true } });
  if (after?.status === "LIVE") await notifyShowLive(roomId);
  return { roomId, reminded: true };
}

/** Whether the user asked to be reminded of this show. */
export async function hasReminder(userId: string, roomId: string): Promise<boolean> {
  return (await db.reminder.count({ where: { userId, roomId } })) > 0;
}

/** Which of these shows the user asked to be reminded of (the home page's cards). */
export async function remindedRoomIds(userId: string, roomIds: string[]): Promise<Set<string>> {
  if (roomIds.length === 0) return new Set();
  const rows = await db.reminder.findMany({
    where: { userId, roomId: { in: roomIds } },
    select: { roomId: true },
  });
  return new Set(rows.map((r) => r.roomId));
}

/** The upcoming shows the user asked to be reminded of, newest reminder first, at most `limit`. */
export async function upcomingReminderRoomIds(userId: string, limit = 200): Promise<string[]> {
  const rows = await db.reminder.findMany({
    where: { userId, room: { status: "SCHEDULED" } },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { roomId: true },
  });
  return rows.map((r) => r.roomId);
}
