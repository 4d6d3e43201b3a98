import type { TMessage } from "@/lib/chat/protocol";
import { crossesGroups } from "@/server/chat/visibility";
import { roomChannel, staffChannel, type TSlaveContext } from "@/server/chat/slave/context";
import { isSeparated, type TSlaveRoom } from "@/server/chat/slave/rooms";
import { historyChanged } from "@/server/chat/slave/history-cache";

/** A message accepted on this slave: every local client of the room is in its group. */
export function deliverLocal(ctx: TSlaveContext, room: TSlaveRoom, message: TMessage): void {
  if (!room.delivered.add(message.id)) return;
  historyChanged(room);
  ctx.batcher.push(roomChannel(room.config.roomId), message);
}

/**
 * A message of another group (relayed or re-read after a hole). The master already filtered it; the slave
 * applies the same rule again so a stale or replayed copy cannot leak a group's chat to viewers.
 */
export function deliverRemote(
  ctx: TSlaveContext,
  room: TSlaveRoom,
  message: TMessage,
  staffOnly: boolean,
): void {
  const toStaffOnly = staffOnly || (isSeparated(room) && !crossesGroups(room.config, message));
  const channel = toStaffOnly ? staffChannel(room.config.roomId) : roomChannel(room.config.roomId);
  // Staff-only copies are remembered apart: if the room unseparates, viewers may still get them by a resync.
  const fresh = toStaffOnly
    ? !room.delivered.has(message.id) && room.deliveredStaff.add(message.id)
    : room.delivered.add(message.id);
  if (!fresh) return;
  historyChanged(room);
  ctx.batcher.push(channel, message);
}
