import type { Prisma } from "@prisma/client";
import { BACKFILL_LIMIT, HISTORY_LIMIT, type TMessage } from "@/lib/chat/protocol";
import { db } from "@/server/db";
import { messageSelect, toMessage } from "@/server/chat/message-row";

export type THistoryQuery = {
  roomId: string;
  sellerId: string;
  /** Messages after this id; without it, the latest HISTORY_LIMIT. */
  sinceId: number | null;
  /** The client's chat group (its slave). */
  nodeId: string;
  separated: boolean;
  staff: boolean;
};

/** The stored, undeleted messages a client may see, oldest first: what `room:join` returns. */
export async function fetchHistory(q: THistoryQuery): Promise<TMessage[]> {
  const where: Prisma.ChatMessageWhereInput = { roomId: q.roomId, deletedAt: null };
  if (q.sinceId !== null) where.id = { gt: q.sinceId };
  if (q.separated && !q.staff) {
    // Same rule as the live relay (visibility.ts), as a query: own group, or something that crosses groups.
    where.OR = [
      { nodeId: q.nodeId },
      { kind: { not: "chat" } },
      { userId: q.sellerId },
      { user: { role: "ADMIN" } },
    ];
  }
  if (q.sinceId !== null) {
    const rows = await db.chatMessage.findMany({
      where,
      orderBy: { id: "asc" },
      take: BACKFILL_LIMIT,
      select: messageSelect,
    });
    return rows.map(toMessage);
  }
  const rows = await db.chatMessage.findMany({
    where,
    orderBy: { id: "desc" },
    take: HISTORY_LIMIT,
    select: messageSelect,
  });
  return rows.reverse().map(toMessage);
}

/** Messages of other nodes stored since a moment: what a slave re-reads after the live relay had a hole. */
export async function fetchHistoryGap(opts: {
  roomIds: string[];
  since: Date;
  fromNode: string | null;
  selfNode: string;
}): Promise<{ messages: TMessage[]; deletedIds: Map<string, string[]> }> {
  if (opts.roomIds.length === 0) return { messages: [], deletedIds: new Map() };
  const nodeFilter = opts.fromNode ? opts.fromNode : { not: opts.selfNode };
  const rows = await db.chatMessage.findMany({
    where: {
      roomId: { in: opts.roomIds },
      nodeId: nodeFilter,
      createdAt: { gte: opts.since },
      deletedAt: null,
    },
    orderBy: { id: "asc" },
    take: 5000,
    select: messageSelect,
  });
  const deleted = await db.chatMessage.findMany({
    where: { roomId: { in: opts.roomIds }, deletedAt: { gte: opts.since } },
    select: { id: true, roomId: true },
    take: 5000,
  });
  const deletedIds = new Map<string, string[]>();
  for (const d of deleted) deletedIds.set(d.roomId, [...(deletedIds.get(d.roomId) ?? []), String(d.id)]);
  return { messages: rows.map(toMessage), deletedIds };
}
