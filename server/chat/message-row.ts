import type { Prisma } from "@prisma/client";
import type { TMessage } from "@/lib/chat/protocol";

/** The columns a Message needs, author included. */
export const messageSelect = {
  id: true,
  roomId: true,
  clientId: true,
  text: true,
  kind: true,
  nodeId: true,
  createdAt: true,
  user: { select: { id: true, name: true, role: true } },
} satisfies Prisma.ChatMessageSelect;

export type TMessageRow = Prisma.ChatMessageGetPayload<{ select: typeof messageSelect }>;

/** A stored row as the contract's Message. A deleted author shows as a system author rather than vanishing. */
export function toMessage(row: TMessageRow): TMessage {
  return {
    id: String(row.id),
    roomId: row.roomId,
    clientId: row.clientId,
    user: row.user ? { id: row.user.id, name: row.user.name, role: row.user.role } : { id: "", name: "OnAir", role: "ADMIN" },
    text: row.text,
    kind: row.kind,
    createdAt: row.createdAt.toISOString(),
    nodeId: row.nodeId,
  };
}
