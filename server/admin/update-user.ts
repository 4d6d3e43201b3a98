import "server-only";
import type { Role } from "@prisma/client";
import type { TUpdateUserRequest } from "@/lib/admin/admin-schemas";
import { db } from "@/server/db";
import { ApiError, notFound } from "@/server/http/errors";
import { disconnectUserSockets } from "@/server/chat/control-client";
import { writeAdminAudit } from "@/server/admin/audit";
import { endShow } from "@/server/media/end-show";
import { createLogger } from "@/server/log";

const log = createLogger("web:admin");

export type TUpdatedUser = { id: string; role: Role; disabled: boolean; pushed: boolean };

/**
 * PATCH /api/admin/users/:id: changes a role and/or disables (or enables) an account, with an audit row per
 * change. Disabling deletes every session in the same transaction and then has every chat slave end the
 * user's sockets; a role change ends their sockets too, so they reconnect with the new role. An admin cannot
 * demote or disable themselves (the last way back in would be gone). Roles are read from the database on
 * every request and handshake, so a demoted seller loses every power at once; their live shows end too.
 */
async function endLiveShowsOf(sellerId: string): Promise<void> {
  const live = await db.room.findMany({ where: { sellerId, status: "LIVE" }, select: { id: true } });
  for (const room of live) {
    await endShow(room.id).catch((err: unknown) =>
      log.warn({ err, roomId: room.id }, "could not end a demoted seller's show"),
    );
  }
}

export async function updateUser(
  actor: { id: string },
  userId: string,
  req: TUpdateUserRequest,
): Promise<TUpdatedUser> {
  if (userId === actor.id)
    throw new ApiError(400, "SELF", "You cannot change your own role or disable your own account.");
  const result = await db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({
      where: { id: userId },
      select: { id: true, role: true, disabledAt: true },
    });
    if (!before) throw notFound("This user does not exist.");
    const roleChanged = req.role !== undefined && req.role !== before.role;
    const disabledChanged = req.disabled !== undefined && req.disabled !== (before.disabledAt !== null);
    const after = await tx.user.update({
      where: { id: userId },
      data: {
        ...(roleChanged ? { role: req.role } : {}),
        ...(disabledChanged ? { disabledAt: req.disabled ? new Date() : null } : {}),
      },
      select: { id: true, role: true, disabledAt: true },
    });
    if (roleChanged) {
      await writeAdminAudit(tx, {
        actorId: actor.id,
        action: "user.role",
        targetUserId: userId,
        details: { from: before.role, to: after.role },
      });
    }
    if (disabledChanged) {
      await writeAdminAudit(tx, {
        actorId: actor.id,
        action: req.disabled ? "user.disable" : "user.enable",
        targetUserId: userId,
        details: {},
      });
      if (req.disabled) await tx.session.deleteMany({ where: { userId } });
    }
    return { after, roleChanged, disabledNow: disabledChanged && req.disabled === true };
  });
  const { after, roleChanged, disabledNow } = result;
  let pushed = true;
  if (disabledNow) pushed = await disconnectUserSockets(userId, "disabled");
  else if (roleChanged) pushed = await disconnectUserSockets(userId, "role");
  // A seller who is no longer one (demoted or disabled) stops broadcasting at once: their live shows end.
  if ((disabledNow || roleChanged) && (disabledNow || after.role === "SHOPPER")) await endLiveShowsOf(userId);
  return { id: after.id, role: after.role, disabled: after.disabledAt !== null, pushed };
}
