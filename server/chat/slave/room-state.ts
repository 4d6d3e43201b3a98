import type { TRoomState } from "@/lib/chat/protocol";
import { roomChannel, type TSlaveContext } from "@/server/chat/slave/context";
import { isSeparated, type TSlaveRoom } from "@/server/chat/slave/rooms";

/** Sockets of a room on this slave. */
export function localViewers(ctx: TSlaveContext, roomId: string): number {
  return ctx.io.sockets.adapter.rooms.get(roomChannel(roomId))?.size ?? 0;
}

/**
 * room:state as this slave's clients see it. Own viewers are counted locally (fresher than the master's
 * copy); other groups come from the master's last push, and are dropped while it is unreachable.
 */
export function buildRoomState(ctx: TSlaveContext, room: TSlaveRoom): TRoomState {
  const { config } = room;
  const own = { nodeId: ctx.nodeId, viewers: localViewers(ctx, config.roomId) };
  const others = ctx.master.connected && room.live ? room.live.groups.filter((g) => g.nodeId !== ctx.nodeId) : [];
  const groups = [...others, own].sort((a, b) => a.nodeId.localeCompare(b.nodeId));
  return {
    roomId: config.roomId,
    status: config.status,
    separated: isSeparated(room),
    slowModeSeconds: config.slowModeSeconds,
    frozen: config.frozen,
    viewers: groups.reduce((sum, g) => sum + g.viewers, 0),
    pinnedProductId: config.pinnedProductId,
    separation: config.separation,
    group: ctx.nodeId,
    groupIndex: groups.findIndex((g) => g.nodeId === ctx.nodeId) + 1,
    groupCount: groups.length,
    groups,
    degraded: !ctx.master.connected,
    settingsUpdatedAt: config.updatedAt,
  };
}

/** Emits room:state to the room's clients on this slave when it changed (or always with `force`). */
export function emitRoomState(ctx: TSlaveContext, roomId: string, force = false): void {
  const room = ctx.rooms.get(roomId);
  if (!room) return;
  const state = buildRoomState(ctx, room);
  const key = JSON.stringify(state);
  if (!force && key === room.lastState) return;
  room.lastState = key;
  ctx.io.to(roomChannel(roomId)).emit("room:state", state);
}
