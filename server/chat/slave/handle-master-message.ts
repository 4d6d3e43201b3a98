import { assertNever, type TMasterToSlave } from "@/lib/chat/node-protocol";
import { roomChannel, type TSlaveContext } from "@/server/chat/slave/context";
import { deliverRemote } from "@/server/chat/slave/deliver";
import { emitRoomState } from "@/server/chat/slave/room-state";
import { notifyRestrictionChanges } from "@/server/chat/slave/restrictions";
import { resync } from "@/server/chat/slave/resync";
import { historyChanged } from "@/server/chat/slave/history-cache";
import { disconnectUser, setDraining } from "@/server/chat/slave/admin-actions";
import { deliverRoomEvent } from "@/server/chat/slave/engagement";

/** One master → slave message. */
export async function handleMasterMessage(
  ctx: TSlaveContext,
  msg: TMasterToSlave,
  onConfig: (roomId: string) => void,
): Promise<void> {
  switch (msg.type) {
    case "room:config": {
      const before = ctx.rooms.get(msg.config.roomId)?.config ?? null;
      ctx.rooms.applyConfig(msg.config, msg.live);
      notifyRestrictionChanges(ctx, before, msg.config);
      onConfig(msg.config.roomId);
      emitRoomState(ctx, msg.config.roomId);
      return;
    }
    case "chat": {
      const room = ctx.rooms.get(msg.message.roomId);
      if (room) deliverRemote(ctx, room, msg.message, msg.staffOnly);
      ctx.stats.relayLatency(msg.message.createdAt);
      return;
    }
    case "chats": {
      for (const { message, staffOnly } of msg.messages) {
        const room = ctx.rooms.get(message.roomId);
        if (room) deliverRemote(ctx, room, message, staffOnly);
      }
      const last = msg.messages[msg.messages.length - 1];
      if (last) ctx.stats.relayLatency(last.message.createdAt);
      return;
    }
    case "limit:verdict":
      // Answered by the link itself, outside this ordered queue (master-link.ts).
      return;
    case "deleted": {
      const room = ctx.rooms.get(msg.roomId);
      if (room) historyChanged(room);
      ctx.batcher.flush();
      ctx.io.to(roomChannel(msg.roomId)).emit("chat:deleted", { roomId: msg.roomId, ids: msg.ids });
      return;
    }
    case "product": {
      ctx.io.to(roomChannel(msg.update.roomId)).emit("product:update", msg.update);
      return;
    }
    case "room:event": {
      deliverRoomEvent(ctx, msg.roomId, msg.payload);
      return;
    }
    case "resync": {
      await resync(ctx, msg.nodeId, msg.since);
      return;
    }
    case "drain": {
      setDraining(ctx, msg.draining);
      return;
    }
    case "user:disconnect": {
      disconnectUser(ctx, msg.userId, msg.reason, msg.sessionId);
      return;
    }
    default:
      assertNever(msg);
  }
}
