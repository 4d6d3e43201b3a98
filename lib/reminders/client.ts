import { exchange, request } from "@/lib/api/request";
import type { TMarkReadRequest, TNotificationList, TReminderState } from "@/lib/reminders/reminder-schemas";

/** "Remind me" on (PUT) or off (DELETE) for an upcoming show. */
export function setReminder(roomId: string, on: boolean): Promise<TReminderState> {
  return request(on ? "PUT" : "DELETE", `/api/rooms/${encodeURIComponent(roomId)}/reminder`);
}

/** The bell's poll: `null` when the list the caller holds (its `etag`) is still current (a 304). */
export async function fetchNotifications(
  etag: string | null,
): Promise<{ list: TNotificationList; etag: string | null } | null> {
  const res = await exchange<TNotificationList>("GET", "/api/notifications", {
    headers: etag ? { "if-none-match": etag } : {},
  });
  if (res.status === 304) return null;
  return { list: res.data, etag: res.headers.get("etag") };
}

/** Marks all (or the given) notifications read; answers how many stay unread. */
export function markNotificationsRead(input: TMarkReadRequest): Promise<{ unread: number }> {
  return request("POST", "/api/notifications/read", { body: input });
}
