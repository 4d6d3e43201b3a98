import "server-only";
import type { Prisma } from "@prisma/client";
import type { TAuditQuery } from "@/lib/admin/admin-schemas";
import { db } from "@/server/db";

type TPerson = { id: string; name: string; email: string } | null;

export type TAuditEntry = {
  id: number;
  createdAt: string;
  action: string;
  actor: TPerson;
  target: TPerson;
  room: { id: string; title: string; slug: string } | null;
  details: Record<string, unknown>;
};

/** The audit log, newest first, with names for actors, targets and shows. Read-only: nothing edits or deletes it. */
export async function listAudit(
  query: TAuditQuery,
): Promise<{ entries: TAuditEntry[]; nextBefore: number | null }> {
  const where: Prisma.AuditLogWhereInput = {
    ...(query.action
      ? { action: query.action.endsWith(".") ? { startsWith: query.action } : query.action }
      : {}),
    ...(query.roomId ? { roomId: query.roomId } : {}),
    ...(query.actorId ? { actorId: query.actorId } : {}),
    ...(query.targetUserId ? { targetUserId: query.targetUserId } : {}),
    ...(query.before ? { id: { lt: query.before } } : {}),
  };
  const rows = await db.auditLog.findMany({ where, orderBy: { id: "desc" }, take: query.take + 1 });
  const page = rows.slice(0, query.take);
  const userIds = [
    ...new Set(page.flatMap((r) => [r.actorId, r.targetUserId]).filter((x): x is string => !!x)),
  ];
  const roomIds = [...new Set(page.map((r) => r.roomId).filter((x): x is string => !!x))];
  const [users, rooms] = await Promise.all([
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } }),
    db.room.findMany({ where: { id: { in: roomIds } }, select: { id: true, title: true, slug: true } }),
  ]);
  const userById = new Map(users.map((u) => [u.id, u]));
  const roomById = new Map(rooms.map((r) => [r.id, r]));
  const entries = page.map((r) => ({
    id: r.id,
    createdAt: r.createdAt.toISOString(),
    action: r.action,
    actor: (r.actorId && userById.get(r.actorId)) || null,
    target: (r.targetUserId && userById.get(r.targetUserId)) || null,
    room: (r.roomId && roomById.get(r.roomId)) || null,
    details: parseDetails(r.details),
  }));
  const last = page[page.length - 1];
  return { entries, nextBefore: rows.length > query.take && last ? last.id : null };
}

function parseDetails(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/** Distinct action names, for the filter. */
export async function auditActions(): Promise<string[]> {
  const rows = await db.auditLog.findMany({
    distinct: ["action"],
    select: { action: true },
    orderBy: { action: "asc" },
  });
  return rows.map((r) => r.action);
}
