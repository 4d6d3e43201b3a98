import { assertNever, type TSlaveToMaster } from "@/lib/chat/node-protocol";
import type { TMasterContext } from "@/server/chat/master/context";
import type { TSlaveSocket } from "@/server/chat/master/registry";
import { pushRoom, sendRoomTo } from "@/server/chat/master/push-room";
import { relayChat, relayChats } from "@/server/chat/master/relay-chat";
import type { TMessage } from "@/lib/chat/protocol";
import { addLikes, markGiveawaysEntered, relayRoomEvent } from "@/server/chat/master/engagement";

/** Margin before a link was lost, for messages that were in flight when it dropped. */
export const RESYNC_MARGIN_MS = 5000;

/** One slave → master message. Called in order per slave (see create-master.ts). */
export async function handleSlaveMessage(
  ctx: TMasterContext,
  socket: TSlaveSocket,
  msg: TSlaveToMaster,
): Promise<void> {
  const nodeId = socket.data.nodeId;
  switch (msg.type) {
    case "register": {
      const replaced = ctx.registry.register(socket, { ...msg.status, nodeId });
      if (replaced) replaced.disconnect(true);
      ctx.log.info(
        { slave: nodeId, url: msg.status.url, rooms: msg.status.rooms.length, lostAt: msg.lostAt },
        "slave registered",
      );
      for (const presence of msg.status.rooms) {
        const room = await ctx.rooms.ensure(presence.roomId);
        if (room) ctx.rooms.open(nodeId, room);
      }
      for (const roomId of ctx.rooms.setPresence(nodeId, msg.status.rooms)) ctx.dirty.add(roomId);
      for (const presence of msg.status.rooms) {
        const room = ctx.rooms.get(presence.roomId);
        if (room) sendRoomTo(ctx, room, nodeId);
      }
      if (msg.lostAt !== null) {
        // The slave missed other nodes' relays while it had no master, and they missed its own.
        const since = msg.lostAt - RESYNC_MARGIN_MS;
        socket.emit("node", { type: "resync", nodeId: null, since });
        socket.broadcast.emit("node", { type: "resync", nodeId, since });
      }
      return;
    }
    case "heartbeat": {
      if (!ctx.registry.heartbeat(socket, { ...msg.status, nodeId })) return;
      for (const roomId of ctx.rooms.setPresence(nodeId, msg.status.rooms)) ctx.dirty.add(roomId);
      return;
    }
    case "room:open": {
      const room = await ctx.rooms.ensure(msg.roomId);
      if (!room) return;
      ctx.rooms.open(nodeId, room);
      sendRoomTo(ctx, room, nodeId);
      return;
    }
    case "chat": {
      const room = (await ctx.rooms.ensure(msg.message.roomId)) ?? null;
      if (!room || msg.message.nodeId !== nodeId) return;
      ctx.activity.message(room.config.roomId);
      relayChat(ctx, room, msg.message, nodeId);
      return;
    }
    case "chats": {
      const byRoom = new Map<string, TMessage[]>();
      for (const message of msg.messages) {
        // A slave relays only what it accepted itself (its own group).
        if (message.nodeId !== nodeId) continue;
        const list = byRoom.get(message.roomId);
        if (list) list.push(message);
        else byRoom.set(message.roomId, [message]);
      }
      for (const [roomId, messages] of byRoom) {
        const room = await ctx.rooms.ensure(roomId);
        if (!room) continue;
        for (let i = 0; i < messages.length; i++) ctx.activity.message(roomId);
        relayChats(ctx, room, messages, nodeId);
      }
      return;
    }
    case "limit:take": {
      socket.emit("node", {
        type: "limit:verdict",
        reqId: msg.request.reqId,
        verdict: ctx.limits.take(msg.request),
      });
      return;
    }
    case "limit:refund": {
      ctx.limits.refund(msg.userId);
      return;
    }
    case "room:event": {
      relayRoomEvent(ctx, nodeId, msg.roomId, msg.payload);
      return;
    }
    case "likes": {
      if (Array.isArray(msg.taps)) await addLikes(ctx, msg.taps);
      return;
    }
    case "giveaways": {
      if (Array.isArray(msg.entered)) markGiveawaysEntered(ctx, msg.entered);
      return;
    }
    default:
      assertNever(msg);
  }
}

/** A slave went away (socket closed or silent): forget it and let the others re-read what it sent last. */
export function forgetSlave(ctx: TMasterContext, nodeId: string, socketId: string, reason: string): void {
  const entry = ctx.registry.remove(nodeId, socketId);
  if (!entry) return;
  ctx.log.warn({ slave: nodeId, reason }, "slave gone");
  for (const roomId of ctx.rooms.dropNode(nodeId)) {
    const room = ctx.rooms.get(roomId);
    if (room) pushRoom(ctx, room);
  }
  ctx.io.emit("node", { type: "resync", nodeId, since: entry.lastSeen - RESYNC_MARGIN_MS });
}
