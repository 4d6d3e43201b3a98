import type { TMasterToSlave } from "@/lib/chat/node-protocol";
import type { TMasterContext } from "@/server/chat/master/context";
import type { TMasterRoom } from "@/server/chat/master/rooms";

/**
 * Sends a room's settings and live state to every slave holding it, when something changed (or `force`).
 * This is how a settings change reaches every slave within a second.
 */
export function pushRoom(ctx: TMasterContext, room: TMasterRoom, force = false): void {
  const msg: TMasterToSlave = { type: "room:config", config: room.config, live: ctx.rooms.live(room) };
  const key = JSON.stringify(msg);
  if (!force && key === room.pushed) return;
  room.pushed = key;
  for (const nodeId of room.presence.keys()) ctx.registry.get(nodeId)?.socket.emit("node", msg);
}

/** Sends a room's state to one slave (it just opened the room or re-registered). */
export function sendRoomTo(ctx: TMasterContext, room: TMasterRoom, nodeId: string): void {
  const msg: TMasterToSlave = { type: "room:config", config: room.config, live: ctx.rooms.live(room) };
  ctx.registry.get(nodeId)?.socket.emit("node", msg);
}

/** Pushes every room whose viewers changed; called on a short tick so heartbeats coalesce. */
export function pushDirtyRooms(ctx: TMasterContext): void {
  for (const roomId of ctx.dirty) {
    const room = ctx.rooms.get(roomId);
    if (room) pushRoom(ctx, room);
  }
  ctx.dirty.clear();
}
