import type { Prisma } from "@prisma/client";
import { appendAudit, type TAuditEntry } from "@/server/audit-log";

export type TAuditAction = "chat.settings" | "chat.notice" | "chat.delete" | "sanction.add" | "sanction.lift";

/** A moderation audit row (always of a room), in the same transaction as the change it records. */
export function writeAudit(
  tx: Prisma.TransactionClient,
  entry: TAuditEntry<TAuditAction> & { roomId: string },
) {
  return appendAudit(tx, entry);
}
