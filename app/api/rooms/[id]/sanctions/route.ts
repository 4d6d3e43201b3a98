import { NextResponse } from "next/server";
import { handle, parseBody } from "@/server/http/handle";
import { requireRoomStaff } from "@/server/auth/request";
import { ZSanctionRequest } from "@/lib/chat/settings";
import { addSanction } from "@/server/chat/moderation/add-sanction";
import { type TIdCtx, idParam } from "@/app/api/_lib/route-params";

/** `{ userId, type: 'MUTE'|'BAN', minutes? }` → 201 `{ sanction: { roomId, userId, type, until }, pushed }`. */
export const POST = handle(async (req, ctx: TIdCtx) => {
  const id = await idParam(ctx);
  const { user, room } = await requireRoomStaff(id);
  const body = await parseBody(req, ZSanctionRequest);
  return NextResponse.json(await addSanction(user, room.id, body), { status: 201 });
});
