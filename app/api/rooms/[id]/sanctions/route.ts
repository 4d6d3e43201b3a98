import { NextResponse } from "next/server";
import { z } from "zod";
import { handle, parseBody, parseParams } from "@/server/http/handle";
import { requireRoomStaff } from "@/server/auth/request";
import { ZSanctionRequest } from "@/lib/chat/settings";
import { addSanction } from "@/server/chat/moderation/add-sanction";

const ZParams = z.object({ id: z.string().min(1).max(100) });

/** `{ userId, type: 'MUTE'|'BAN', minutes? }` → 201 `{ sanction: { roomId, userId, type, until }, pushed }`. */
export const POST = handle(async (req, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = parseParams(await ctx.params, ZParams);
  const { user, room } = await requireRoomStaff(id);
  const body = await parseBody(req, ZSanctionRequest);
  return NextResponse.json(await addSanction(user, room.id, body), { status: 201 });
});
