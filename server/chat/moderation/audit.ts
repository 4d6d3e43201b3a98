import type { Prisma } from "@prisma/client";

export type TAuditAction = "chat.settings" | "chat.notice" | "chat.delete" | "sanction.add" | "sanction.lift";

/** One append-only audit row; called inside the same transaction as the change it records. */
export function writeAudit(
  tx: Prisma.TransactionClient,
  entry: {
    actorId: string;
    action: TAuditAction;
    roomId: string;
    targetUserId?: string | null;
    details: Record<string, unknown>;
  },
) {
  return tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      roomId: entry.roomId,
      targetUserId: entry.targetUserId ?? null,
      details: JSON.stringify(entry.details),
    },
  });
}
