import type { Prisma } from "@prisma/client";

/** What one audit row records; `details` is stored as JSON. */
export type TAuditEntry<A extends string> = {
  actorId: string;
  action: A;
  roomId?: string | null;
  targetUserId?: string | null;
  details: Record<string, unknown>;
};

/** One append-only audit row, inside the transaction of the change it records when there is one. */
export function appendAudit<A extends string>(tx: Prisma.TransactionClient, entry: TAuditEntry<A>) {
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
