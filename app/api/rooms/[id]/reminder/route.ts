import { NextResponse } from "next/server";
import { handle } from "@/server/http/handle";
import { notFound } from "@/server/http/errors";
import { requireUser } from "@/server/auth/request";
import { isSellerOrAdmin } from "@/server/auth/room-staff";
import { db } from "@/server/db";
import { hasReminder, setReminder } from "@/server/reminders/set-reminder";
import { reminderCount } from "@/server/reminders/reminder-count";
import type { TReminderState } from "@/lib/reminders/reminder-schemas";
import { type TIdCtx, idParam } from "@/app/api/_lib/route-params";

const NO_STORE = { "cache-control": "no-store" };

/** Whether the caller asked to be reminded `{ roomId, reminded }`; the show's seller or an ADMIN also get `reminderCount`. */
export const GET = handle(async (_req, ctx: TIdCtx) => {
  const id = await idParam(ctx);
  const user = await requireUser();
  const room = await db.room.findUnique({ where: { id }, select: { id: true, sellerId: true } });
  if (!room) throw notFound("This show does not exist.");
  const state: TReminderState = { roomId: room.id, reminded: await hasReminder(user.id, room.id) };
  if (isSellerOrAdmin(user, room.sellerId)) state.reminderCount = await reminderCount(room.id);
  return NextResponse.json(state, { headers: NO_STORE });
});

/** "Remind me": the caller gets a notification when this upcoming show goes live (409 once it is live or ended). */
export const PUT = handle(async (_req, ctx: TIdCtx) => {
  const id = await idParam(ctx);
  const user = await requireUser();
  return NextResponse.json(await setReminder(user.id, id, true), { headers: NO_STORE });
});

/** Takes the reminder back (409 once the show is live or ended: it has done its work). */
export const DELETE = handle(async (_req, ctx: TIdCtx) => {
  const id = await idParam(ctx);
  const user = await requireUser();
  return NextResponse.json(await setReminder(user.id, id, false), { headers: NO_STORE });
});
