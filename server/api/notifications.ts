import "server-only";
import { api, NO_STORE, signedIn } from "@/server/api/base";
import { etagOf } from "@/server/rooms/room-cache";
import { etagMatches } from "@/server/http/cached-response";
import { listNotifications } from "@/server/notifications/list-notifications";
import { markNotificationsRead } from "@/server/notifications/mark-notifications-read";

/**
 * lib/reminders/notifications.contract.ts, served. Every open page asks every 15 s with the ETag it holds:
 * nothing new answers 304 without a body (see docs/ARCHITECTURE.md, "Notifications").
 */
export const notifications = {
  list: api.notifications.list.use(signedIn()).handler(async ({ input, context }) => {
    const list = await listNotifications(context.user.id, input.query.limit);
    const etag = etagOf(JSON.stringify(list));
    // Private: the answer is this user's; Vary so no cache hands it to another session.
    const headers = { etag, "cache-control": "private, no-cache", vary: "Cookie, Authorization" };
    if (etagMatches(input.headers["if-none-match"] ?? null, etag)) return { status: 304 as const, headers };
    return { status: 200 as const, headers, body: list };
  }),
  markRead: api.notifications.markRead.use(signedIn()).handler(async ({ input, context }) => ({
    headers: NO_STORE,
    body: await markNotificationsRead(context.user.id, input.body),
  })),
};
