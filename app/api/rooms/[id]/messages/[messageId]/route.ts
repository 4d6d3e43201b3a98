import { NextResponse } from "next/server";
import { z } from "zod";
import { handle, parseParams } from "@/server/http/handle";
import { requireRoomStaff } from "@/server/auth/request";
import { notFound } from "@/server/http/errors";
import { deleteMessage } from "@/server/chat/moderation/delete-message";

const ZParams = z.object({ id: z.string().min(1).max(100), messageId: z.string() });

/** The show's seller or an ADMIN removes a message for every client → `{ ok, id, pushed }`. */
export const DELETE = handle(async (_req, ctx: { params: Promise<{ id: string; messageId: string }> }) => {
  const { id, messageId } = parseParams(await ctx.params, ZParams);
  const { user, room } = await requireRoomStaff(id);
  if (!/^\d{1,15}$/.test(messageId)) throw notFound("This message does not exist.");
  const result = await deleteMessage(user, room.id, Number(messageId));
  return NextResponse.json({ ok: true, ...result });
});
