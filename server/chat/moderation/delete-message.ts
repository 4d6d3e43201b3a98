import { db } from "@/server/db";
import { notFound } from "@/server/http/errors";
import { broadcastDeleted } from "@/server/chat/control-client";
import { writeAudit } from "@/server/chat/moderation/audit";

/**
 * DELETE /api/rooms/:id/messages/:messageId: soft-deletes (history and backfills skip it) and tells every
 * client to remove it. Deleting an already deleted message succeeds again, so retries are safe.
 */
export async function deleteMessage(
  actor: { id: string },
  roomId: string,
  messageId: number,
): Promise<{ id: string; pushed: boolean }> {
  await db.$transaction(async (tx) => {
    const row = await tx.chatMessage.findFirst({
      where: { id: messageId, roomId },
      select: { id: true, userId: true, text: true, deletedAt: true },
    });
    if (!row) throw notFound("This message does not exist.");
    if (row.deletedAt) return;
    await tx.chatMessage.update({ where: { id: messageId }, data: { deletedAt: new Date() } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "chat.delete",
      roomId,
      targetUserId: row.userId,
      details: { messageId, text: row.text },
    });
  });
  return { id: String(messageId), pushed: await broadcastDeleted(roomId, [messageId]) };
}
