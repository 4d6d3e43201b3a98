import { NextResponse } from "next/server";
import { handle, parseBody } from "@/server/http/handle";
import { requireRoomStaff } from "@/server/auth/request";
import { ZChatSettingsPatch } from "@/lib/chat/settings";
import { updateChatSettings } from "@/server/chat/moderation/update-chat-settings";
import { type TIdCtx, idParam } from "@/app/api/_lib/route-params";

/** The show's seller or an ADMIN changes chat settings → the new settings (and `pushed`: live on the slaves yet). */
export const PATCH = handle(async (req, ctx: TIdCtx) => {
  const id = await idParam(ctx);
  const { user, room } = await requireRoomStaff(id);
  const patch = await parseBody(req, ZChatSettingsPatch);
  return NextResponse.json(await updateChatSettings(user, room.id, patch));
});
