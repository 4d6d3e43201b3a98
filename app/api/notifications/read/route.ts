import { NextResponse } from "next/server";
import { handle, parseBody } from "@/server/http/handle";
import { requireUser } from "@/server/auth/request";
import { markNotificationsRead } from "@/server/notifications/mark-notifications-read";
import { ZMarkReadRequest } from "@/lib/reminders/reminder-schemas";

/** Marks the caller's notifications read, `{ all: true }` or `{ ids }` → `{ unread }`. */
export const POST = handle(async (req) => {
  const user = await requireUser();
  const input = await parseBody(req, ZMarkReadRequest);
  return NextResponse.json(await markNotificationsRead(user.id, input), {
    headers: { "cache-control": "no-store" },
  });
});
