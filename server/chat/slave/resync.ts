import { fetchHistoryGap } from "@/server/chat/history";
import { roomChannel, type TSlaveContext } from "@/server/chat/slave/context";
import { deliverRemote } from "@/server/chat/slave/deliver";
import { localViewers } from "@/server/chat/slave/room-state";
import { historyChanged } from "@/server/chat/slave/history-cache";

/**
 * Re-reads from the DB what the live relay may have dropped (a dead slave's last messages, a master
 * restart) and delivers what this slave's clients have not had yet. Older ids can arrive after newer ones:
 * clients order by id.
 */
export async function resync(ctx: TSlaveContext, fromNode: string | null, since: number): Promise<void> {
  if (fromNode === ctx.nodeId) return;
  const roomIds = ctx.rooms.ids().filter((id) => localViewers(ctx, id) > 0);
  const { messages, deletedIds } = await fetchHistoryGap({
    roomIds,
    since: new Date(since),
    fromNode,
    selfNode: ctx.nodeId,
  });
  for (const message of messages) {
    const room = ctx.rooms.get(message.roomId);
    if (room) deliverRemote(ctx, room, message, false);
  }
  ctx.batcher.flush();
  for (const roomId of deletedIds.keys()) {
    const room = ctx.rooms.get(roomId);
    if (room) historyChanged(room);
  }
  for (const [roomId, ids] of deletedIds)
    ctx.io.to(roomChannel(roomId)).emit("chat:deleted", { roomId, ids });
  if (messages.length > 0) ctx.log.info({ fromNode, since, messages: messages.length }, "resync delivered");
}
