import { NextResponse } from "next/server";
import { handle, parseBody } from "@/server/http/handle";
import { requireRoomStaff } from "@/server/auth/request";
import { ZNoticeRequest } from "@/lib/chat/settings";
import { postNotice } from "@/server/chat/moderation/post-notice";
import { type TIdCtx, idParam } from "@/app/api/_lib/route-params";

/** The show's seller or an ADMIN posts `{ text }` → 201 `{ message, pushed }`, a `notice` for every client. */
export const POST = handle(async (req, ctx: TIdCtx) => {
  const id = await idParam(ctx);
  const { user, room } = await requireRoomStaff(id);
  const { text } = await parseBody(req, ZNoticeRequest);
  return NextResponse.json(await postNotice(user, room.id, text), { status: 201 });
});
