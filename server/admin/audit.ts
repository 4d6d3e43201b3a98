import "server-only";
import type { Prisma } from "@prisma/client";

export type TAdminAuditAction =
  | "user.role"
  | "user.disable"
  | "user.enable"
  | "node.drain"
  | "node.resume"
  | "media.drain"
  | "media.resume";

/** One append-only audit row for an admin action; inside the change's transaction when there is one. */
export function writeAdminAudit(
  tx: Prisma.TransactionClient,
  entry: {
    actorId: string;
    action: TAdminAuditAction;
    targetUserId?: string | null;
    roomId?: string | null;
    details: Record<string, unknown>;
  },
) {
  return tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      roomId: entry.roomId ?? null,
      targetUserId: entry.targetUserId ?? null,
      details: JSON.stringify(entry.details),
    },
  });
}
