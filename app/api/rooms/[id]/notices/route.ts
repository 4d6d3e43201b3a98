import { NextResponse } from "next/server";
import { z } from "zod";
import { handle, parseBody, parseParams } from "@/server/http/handle";
import { requireRoomStaff } from "@/server/auth/request";
import { ZNoticeRequest } from "@/lib/chat/settings";
import { postNotice } from "@/server/chat/moderation/post-notice";

const ZParams = z.object({ id: z.string().min(1).max(100) });

/** The show's seller or an ADMIN posts `{ text }` → 201 `{ message, pushed }`, a `notice` for every client. */
export const POST = handle(async (req, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = parseParams(await ctx.params, ZParams);
  const { user, room } = await requireRoomStaff(id);
  const { text } = await parseBody(req, ZNoticeRequest);
  return NextResponse.json(await postNotice(user, room.id, text), { status: 201 });
});
