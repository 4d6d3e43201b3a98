import type { z } from "zod";
import { ZChatSettingsPatch, type TChatSettings } from "@/lib/chat/settings";
import { db } from "@/server/db";
import { ApiError, fieldErrors, notFound } from "@/server/http/errors";
import { parseBlockedWords } from "@/server/chat/room-config";
import { refreshRoom } from "@/server/chat/control-client";
import { writeAudit } from "@/server/chat/moderation/audit";

/** The chat settings of a room row, as the API returns them. */
export function chatSettingsOf(
  room: Omit<TChatSettings, "blockedWords"> & { blockedWords: string },
): TChatSettings {
  return {
    separation: room.separation,
    autoSeparateAbove: room.autoSeparateAbove,
    slowModeSeconds: room.slowModeSeconds,
    frozen: room.frozen,
    blockedWords: parseBlockedWords(room.blockedWords),
  };
}

const settingsSelect = {
  separation: true,
  autoSeparateAbove: true,
  slowModeSeconds: true,
  frozen: true,
  blockedWords: true,
} as const;

/**
 * PATCH /api/rooms/:id/chat: persists the change with its audit row, then has the master push it to every
 * slave. `pushed: false` = stored, and applied when the master is reachable again (slaves also poll the DB).
 */
export async function updateChatSettings(
  actor: { id: string },
  roomId: string,
  input: z.input<typeof ZChatSettingsPatch>,
): Promise<TChatSettings & { pushed: boolean }> {
  const parsed = ZChatSettingsPatch.safeParse(input);
  if (!parsed.success)
    throw new ApiError(400, "INVALID", "Some settings are not valid.", fieldErrors(parsed.error));
  const patch = parsed.data;
  const settings = await db.$transaction(async (tx) => {
    const before = await tx.room.findUnique({ where: { id: roomId }, select: settingsSelect });
    if (!before) throw notFound("This show does not exist.");
    const { blockedWords, ...rest } = patch;
    const after = await tx.room.update({
      where: { id: roomId },
      data: { ...rest, ...(blockedWords ? { blockedWords: JSON.stringify(blockedWords) } : {}) },
      select: settingsSelect,
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "chat.settings",
      roomId,
      details: { before: chatSettingsOf(before), change: patch },
    });
    return chatSettingsOf(after);
  });
  return { ...settings, pushed: await refreshRoom(roomId) };
}
