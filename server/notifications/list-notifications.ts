import { db } from "@/server/db";
import type { TNotificationList } from "@/lib/reminders/reminder-schemas";

/** The user's notifications, newest first (at most `limit`), with the count of all their unread ones. */
export async function listNotifications(userId: string, limit: number): Promise<TNotificationList> {
  const [rows, unread] = await Promise.all([
    db.notification.findMany({
      where: { userId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit,
      select: {
        id: true,
        kind: true,
        createdAt: true,
        readAt: true,
        room: { select: { id: true, slug: true, title: true, status: true } },
      },
    }),
    db.notification.count({ where: { userId, readAt: null } }),
  ]);
  return {
    notifications: rows.map((n) => ({
      id: n.id,
      kind: n.kind,
      createdAt: n.createdAt.toISOString(),
      readAt: n.readAt?.toISOString() ?? null,
      show: n.room,
    })),
    unread,
  };
}
