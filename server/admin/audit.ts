import "server-only";
import type { Prisma } from "@prisma/client";
import { appendAudit, type TAuditEntry } from "@/server/audit-log";

export type TAdminAuditAction =
  | "user.role"
  | "user.disable"
  | "user.enable"
  | "node.drain"
  | "node.resume"
  | "media.drain"
  | "media.resume";

/** One append-only audit row for an admin action; inside the change's transaction when there is one. */
export function writeAdminAudit(tx: Prisma.TransactionClient, entry: TAuditEntry<TAdminAuditAction>) {
  return appendAudit(tx, entry);
}
