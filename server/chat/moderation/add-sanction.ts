import type { TSanctionRequest } from "@/lib/chat/settings";
import { db } from "@/server/db";
import { ApiError, notFound } from "@/server/http/errors";
import { refreshRoom } from "@/server/chat/control-client";
import { writeAudit } from "@/server/chat/moderation/audit";
import { isSellerOrAdmin } from "@/server/auth/room-staff";

export type TSanction = { roomId: string; userId: string; type: "MUTE" | "BAN"; until: string | null };

/**
 * POST /api/rooms/:id/sanctions: mutes or bans a user in this room (for `minutes`, or until lifted).
 * A second sanction of the same type replaces the first. Staff cannot be sanctioned.
 */
export async function addSanction(
  actor: { id: string },
  roomId: string,
  req: TSanctionRequest,
): Promise<{ sanction: TSanction; pushed: boolean }> {
  const until = req.minutes ? new Date(Date.now() + req.minutes * 60_000) : null;
  const sanction = await db.$transaction(async (tx) => {
    const room = await tx.room.findUnique({ where: { id: roomId }, select: { sellerId: true } });
    if (!room) throw notFound("This show does not exist.");
    const target = await tx.user.findUnique({ where: { id: req.userId }, select: { id: true, role: true } });
    if (!target) throw notFound("This user does not exist.");
    if (isSellerOrAdmin(target, room.sellerId)) {
      throw new ApiError(400, "INVALID", "The show's seller and admins cannot be muted or banned.", {
        userId: "is staff",
      });
    }
    const row = await tx.sanction.upsert({
      where: { roomId_userId_type: { roomId, userId: req.userId, type: req.type } },
      create: { roomId, userId: req.userId, type: req.type, until, createdById: actor.id },
      update: { until, createdById: actor.id, createdAt: new Date() },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "sanction.add",
      roomId,
      targetUserId: req.userId,
      details: { type: req.type, minutes: req.minutes ?? null, until },
    });
    return { roomId, userId: row.userId, type: row.type, until: row.until ? row.until.toISOString() : null };
  });
  return { sanction, pushed: await refreshRoom(roomId) };
}
