import { NextResponse } from "next/server";
import { z } from "zod";
import { handle, parseBody, parseParams } from "@/server/http/handle";
import { requireRoomStaff } from "@/server/auth/request";
import { ZChatSettingsPatch } from "@/lib/chat/settings";
import { updateChatSettings } from "@/server/chat/moderation/update-chat-settings";

const ZParams = z.object({ id: z.string().min(1).max(100) });

/** The show's seller or an ADMIN changes chat settings → the new settings (and `pushed`: live on the slaves yet). */
export const PATCH = handle(async (req, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = parseParams(await ctx.params, ZParams);
  const { user, room } = await requireRoomStaff(id);
  const patch = await parseBody(req, ZChatSettingsPatch);
  return NextResponse.json(await updateChatSettings(user, room.id, patch));
});
