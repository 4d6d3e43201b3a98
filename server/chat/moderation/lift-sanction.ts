import { db } from "@/server/db";
import { notFound } from "@/server/http/errors";
import { refreshRoom } from "@/server/chat/control-client";
import { writeAudit } from "@/server/chat/moderation/audit";

/** DELETE /api/rooms/:id/sanctions/:userId (optionally `?type=MUTE|BAN`): lifts the user's sanctions here. */
export async function liftSanction(
  actor: { id: string },
  roomId: string,
  userId: string,
  type?: "MUTE" | "BAN",
): Promise<{ lifted: number; pushed: boolean }> {
  const lifted = await db.$transaction(async (tx) => {
    const room = await tx.room.findUnique({ where: { id: roomId }, select: { id: true } });
    if (!room) throw notFound("This show does not exist.");
    const { count } = await tx.sanction.deleteMany({ where: { roomId, userId, ...(type ? { type } : {}) } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "sanction.lift",
      roomId,
      targetUserId: userId,
      details: { type: type ?? "ALL", lifted: count },
    });
    return count;
  });
  return { lifted, pushed: await refreshRoom(roomId) };
}
