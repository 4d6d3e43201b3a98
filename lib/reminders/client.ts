import { CommerceApiError } from "@/lib/commerce/client";
import type { TMarkReadRequest, TNotificationList, TReminderState } from "@/lib/reminders/reminder-schemas";

type TErrorBody = { error?: { code: string; message: string; fields?: Record<string, string> } } | null;

async function send(method: string, url: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(url, { method, credentials: "same-origin", cache: "no-store", ...init });
  } catch {
    throw new CommerceApiError(0, "NETWORK", "You seem to be offline. Check your connection and try again.");
  }
}

async function json<T>(res: Response): Promise<T> {
  const body = (await res.json().catch(() => null)) as TErrorBody;
  if (!res.ok)
    throw new CommerceApiError(
      res.status,
      body?.error?.code ?? `HTTP_${res.status}`,
      body?.error?.message ?? "Something went wrong.",
      body?.error?.fields,
    );
  return body as T;
}

/** "Remind me" on (PUT) or off (DELETE) for an upcoming show. */
export async function setReminder(roomId: string, on: boolean): Promise<TReminderState> {
  return json(await send(on ? "PUT" : "DELETE", `/api/rooms/${encodeURIComponent(roomId)}/reminder`));
}

/** The bell's poll: `null` when the list the caller holds (its `etag`) is still current (a 304). */
export async function fetchNotifications(
  etag: string | null,
): Promise<{ list: TNotificationList; etag: string | null } | null> {
  const res = await send("GET", "/api/notifications", etag ? { headers: { "if-none-match": etag } } : {});
  if (res.status === 304) return null;
  return { list: await json<TNotificationList>(res), etag: res.headers.get("etag") };
}

/** Marks all (or the given) notifications read; answers how many stay unread. */
export async function markNotificationsRead(input: TMarkReadRequest): Promise<{ unread: number }> {
  return json(
    await send("POST", "/api/notifications/read", {
      headers: { "content-type": "application/json" },
      body: JSON.stringify(input),
    }),
  );
}
