import { NextResponse } from "next/server";
import { handle } from "@/server/http/handle";
import { currentUser } from "@/server/auth/request";
import { upcomingReminderRoomIds } from "@/server/reminders/set-reminder";
import type { TMeResponse } from "@/lib/session/me.types";

export const dynamic = "force-dynamic";

/**
 * Who is looking: `{ user: { id, name, email, role } | null, remindedRoomIds }`. The cached pages (`/`,
 * `/live/<slug>`) are the same for everyone; their account menu, reminders and staff tools fill in from this.
 */
export const GET = handle(async () => {
  const user = await currentUser();
  const body: TMeResponse = {
    user: user ? { id: user.id, name: user.name, email: user.email, role: user.role } : null,
    remindedRoomIds: user ? await upcomingReminderRoomIds(user.id) : [],
  };
  return NextResponse.json(body, { headers: { "cache-control": "private, no-store" } });
});
