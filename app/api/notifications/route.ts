import { NextResponse, type NextRequest } from "next/server";
import { handle, parseParams } from "@/server/http/handle";
import { requireUser } from "@/server/auth/request";
import { etagOf } from "@/server/rooms/room-cache";
import { etagMatches } from "@/server/http/cached-response";
import { listNotifications } from "@/server/notifications/list-notifications";
import { ZListNotificationsQuery } from "@/lib/reminders/reminder-schemas";

/**
 * The caller's notifications, newest first, and their unread count. Every open page asks every 15 s with
 * the ETag it holds: nothing new answers 304 without a body (see docs/ARCHITECTURE.md, "Notifications").
 */
export const GET = handle(async (req: NextRequest) => {
  const user = await requireUser();
  const { limit } = parseParams(Object.fromEntries(req.nextUrl.searchParams), ZListNotificationsQuery);
  const body = JSON.stringify(await listNotifications(user.id, limit));
  const etag = etagOf(body);
  // Private: the answer is this user's; Vary so no cache hands it to another session.
  const headers = { etag, "cache-control": "private, no-cache", vary: "Cookie, Authorization" };
  if (etagMatches(req.headers.get("if-none-match"), etag))
    return new Response(null, { status: 304, headers });
  return new NextResponse(body, { headers: { ...headers, "content-type": "application/json" } });
});
