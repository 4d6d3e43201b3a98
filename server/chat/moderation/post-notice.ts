import { randomUUID } from "node:crypto";
import type { TMessage, TMessageKind } from "@/lib/chat/protocol";
import { db } from "@/server/db";
import { messageSelect, toMessage } from "@/server/chat/message-row";
import { broadcastMessage } from "@/server/chat/control-client";
import { writeAudit } from "@/server/chat/moderation/audit";

/** Node id of messages written by the web tier rather than a slave: they belong to every group. */
export const WEB_NODE_ID = "web";

/**
 * POST /api/rooms/:id/notices (and system messages from other tiers): stored first, then delivered to
 * every client of the room through the master. Without a master, slaves deliver it when it returns.
 */
export async function postNotice(
  actor: { id: string },
  roomId: string,
  text: string,
  kind: Exclude<TMessageKind, "chat"> = "notice",
): Promise<{ message: TMessage; pushed: boolean }> {
  const message = await db.$transaction(async (tx) => {
    const row = await tx.chatMessage.create({
      data: {
        roomId,
        userId: actor.id,
        clientId: `${kind}-${randomUUID()}`,
        text,
        kind,
        nodeId: WEB_NODE_ID,
      },
      select: messageSelect,
    });
    if (kind === "notice")
      await writeAudit(tx, {
        actorId: actor.id,
        action: "chat.notice",
        roomId,
        details: { messageId: row.id, text },
      });
    return toMessage(row);
  });
  return { message, pushed: await broadcastMessage(roomId, message.id) };
}
