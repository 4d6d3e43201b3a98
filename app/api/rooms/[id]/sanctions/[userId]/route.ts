import { NextResponse } from "next/server";
import { z } from "zod";
import { handle, parseParams } from "@/server/http/handle";
import { requireRoomStaff } from "@/server/auth/request";
import { ZSanctionType } from "@/lib/chat/settings";
import { liftSanction } from "@/server/chat/moderation/lift-sanction";

const ZParams = z.object({ id: z.string().min(1).max(100), userId: z.string().min(1).max(64) });
const ZQuery = z.object({ type: ZSanctionType.optional() });

/** Lifts the user's mute and ban in this show (or only `?type=MUTE|BAN`) → `{ ok, lifted, pushed }`. */
export const DELETE = handle(async (req, ctx: { params: Promise<{ id: string; userId: string }> }) => {
  const { id, userId } = parseParams(await ctx.params, ZParams);
  const { user, room } = await requireRoomStaff(id);
  const { type } = parseParams(Object.fromEntries(req.nextUrl.searchParams), ZQuery);
  return NextResponse.json({ ok: true, ...(await liftSanction(user, room.id, userId, type)) });
});
