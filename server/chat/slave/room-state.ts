import type { TRoomState } from "@/lib/chat/protocol";
import { roomChannel, type TSlaveContext } from "@/server/chat/slave/context";
import { isSeparated, type TSlaveRoom } from "@/server/chat/slave/rooms";
import { encodeFrame, writeFrame } from "@/server/chat/slave/write-frame";

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
  const others =
    ctx.master.connected && room.live ? room.live.groups.filter((g) => g.nodeId !== ctx.nodeId) : [];
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
    hlsUrl: config.hlsUrl,
    startedAt: config.startedAt,
  };
}

/**
 * Viewer counts alone change with every join and leave: sending each change to every client of the room
 * made joining quadratic (1,000 joins → ~276,000 room:state events). Count-only changes are coalesced
 * into one emit per room per this interval; settings, status and pin changes still go out at once.
 */
export const VIEWER_COUNT_INTERVAL_MS = 500;

const countTimers = new WeakMap<TSlaveRoom, NodeJS.Timeout>();
/** The settings part of the last room:state sent, kept beside `lastState` so a join never re-parses it. */
const sentSettings = new WeakMap<TSlaveRoom, string>();

/** Everything in a room:state but the viewer counts. */
function settingsKeyOf(state: TRoomState): string {
  const { viewers: _viewers, groups: _groups, groupIndex: _index, groupCount: _count, ...rest } = state;
  return JSON.stringify(rest);
}

/** Emits room:state to the room's clients on this slave when it changed (or always with `force`). */
export function emitRoomState(ctx: TSlaveContext, roomId: string, force = false): void {
  const room = ctx.rooms.get(roomId);
  if (!room) return;
  const state = buildRoomState(ctx, room);
  const key = JSON.stringify(state);
  if (!force && key === room.lastState) return;
  const settingsKey = settingsKeyOf(state);
  const onlyCountsChanged = !force && room.lastState !== "" && sentSettings.get(room) === settingsKey;
  if (onlyCountsChanged) {
    if (!countTimers.has(room)) {
      const timer = setTimeout(() => {
        countTimers.delete(room);
        if (ctx.rooms.get(roomId) !== room) return;
        const latest = buildRoomState(ctx, room);
        const latestKey = JSON.stringify(latest);
        if (latestKey === room.lastState) return;
        room.lastState = latestKey;
        sendState(ctx, roomId, latest);
      }, VIEWER_COUNT_INTERVAL_MS);
      timer.unref();
      countTimers.set(room, timer);
    }
    return;
  }
  clearTimeout(countTimers.get(room));
  countTimers.delete(room);
  room.lastState = key;
  sentSettings.set(room, settingsKey);
  sendState(ctx, roomId, state);
}

/**
 * A join or a leave here: only this slave's viewer count changed. While a count update is already due for
 * the room it will carry this one too, so the state is not built and stringified twice more per join (a
 * storm's 333 joins a second did that for a frame that went out twice a second). Anything else that
 * changes calls `emitRoomState`, which sends at once.
 */
export function viewersChanged(ctx: TSlaveContext, roomId: string): void {
  const room = ctx.rooms.get(roomId);
  if (room && countTimers.has(room)) return;
  emitRoomState(ctx, roomId);
}

/**
 * To every client of the room here, encoded once and written once per socket (write-frame.ts): the viewer
 * count goes to the whole room twice a second while a show opens, and Socket.IO's broadcast cost ~2x per
 * socket (join profile in docs/PERFORMANCE.md).
 */
function sendState(ctx: TSlaveContext, roomId: string, state: TRoomState): void {
  writeFrame(ctx, roomChannel(roomId), encodeFrame(ctx, "room:state", state));
}
