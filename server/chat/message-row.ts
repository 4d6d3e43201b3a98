import type { Prisma } from "@prisma/client";
import type { TMessage, TRole } from "@/lib/chat/protocol";
import { normalizeDisplayName } from "@/lib/text/normalize";
import { isSellerOrAdmin } from "@/server/auth/room-staff";

/** A message's own columns (its author and room are relations). */
export const messageColumns = {
  id: true,
  roomId: true,
  clientId: true,
  text: true,
  kind: true,
  nodeId: true,
  createdAt: true,
} as const satisfies Prisma.ChatMessageSelect;

/** The columns a Message needs, author included. */
export const messageSelect = {
  ...messageColumns,
  user: { select: { id: true, name: true, role: true } },
  room: { select: { sellerId: true } },
} satisfies Prisma.ChatMessageSelect;

export type TMessageRow = Prisma.ChatMessageGetPayload<{ select: typeof messageSelect }>;

/**
 * The role a message shows (its badge): what is true in THIS room. ADMIN for admins, SELLER only for this
 * room's own seller (while still a SELLER), SHOPPER for everyone else: a seller from another shop, named
 * like this show's host, gets no host badge here.
 */
export function roleInRoom(user: { id: string; role: TRole }, sellerId: string): TRole {
  if (user.role === "ADMIN") return "ADMIN";
  return isSellerOrAdmin(user, sellerId) ? "SELLER" : "SHOPPER";
}

/** A stored row as the contract's Message. A deleted author shows as a system author rather than vanishing. */
export function toMessage(row: Omit<TMessageRow, "room"> & { room?: TMessageRow["room"] }): TMessage {
  return {
    id: String(row.id),
    roomId: row.roomId,
    clientId: row.clientId,
    user: row.user
      ? {
          id: row.user.id,
          name: normalizeDisplayName(row.user.name) || "?",
          // Without the room, the caller's author already carries the role in that room (handle-send).
          role: row.room ? roleInRoom(row.user, row.room.sellerId) : row.user.role,
        }
      : { id: "", name: "OnAir", role: "ADMIN" },
    text: row.text,
    kind: row.kind,
    createdAt: row.createdAt.toISOString(),
    nodeId: row.nodeId,
  };
}
