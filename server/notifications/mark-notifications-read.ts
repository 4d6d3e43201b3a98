import { db } from "@/server/db";
import type { TMarkReadRequest } from "@/lib/reminders/reminder-schemas";

/**
 * Marks the user's notifications read: all of them, or the given ids (ids of someone else's notifications
 * or unknown ones change nothing). Already-read ones keep their first read time. Returns the unread count.
 */
export async function markNotificationsRead(
  userId: string,
  input: TMarkReadRequest,
  now = new Date(),
): Promise<{ unread: number }> {
  await db.notification.updateMany({
    where: { userId, readAt: null, ...(input.ids ? { id: { in: input.ids } } : {}) },
    data: { readAt: now },
  });
  return { unread: await db.notification.count({ where: { userId, readAt: null } }) };
}
