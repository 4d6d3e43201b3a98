import { ZJoinRequest } from "@/lib/chat/protocol";
import { isRoomStaff } from "@/server/chat/visibility";
import { roomChannel, staffChannel, type TClientSocket } from "@/server/chat/slave/context";
import { buildRoomState, localViewers, viewersChanged } from "@/server/chat/slave/room-state";
import { sendOwnRestriction } from "@/server/chat/slave/restrictions";
import { latestHistory } from "@/server/chat/slave/history-cache";
import { isSeparated } from "@/server/chat/slave/rooms";
import { clientHandler, fail } from "@/server/chat/slave/safe-handler";

/** One socket may watch a few shows at once (a multi-view page), not hundreds. */
const MAX_ROOMS_PER_SOCKET = 10;

export function joinedRooms(socket: TClientSocket): string[] {
  return [...socket.rooms].filter((r) => r.startsWith("room:")).map((r) => r.slice(5));
}

/** `room:join`: joins the room's channels and answers with what this client missed (or the latest messages). */
export const handleJoin = clientHandler(ZJoinRequest, async (ctx, socket, input, ack) => {
  const { roomId } = input;
  const already = socket.rooms.has(roomChannel(roomId));
  if (!already && joinedRooms(socket).length >= MAX_ROOMS_PER_SOCKET) {
    return ack(fail("INVALID", `At most ${MAX_ROOMS_PER_SOCKET} rooms per connection.`));
  }
  const room = await ctx.rooms.ensure(roomId);
  if (!room) return ack(fail("NOT_FOUND", "This show does not exist."));
  if (socket.disconnected) return;

  const firstHere = localViewers(ctx, roomId) === 0;
  const staff = isRoomStaff(room.config, socket.data.user);
  // Join before reading history: a message stored meanwhile arrives live (the client dedupes by id), never lost.
  await socket.join(staff ? [roomChannel(roomId), staffChannel(roomId)] : [roomChannel(roomId)]);
  if (firstHere && ctx.master.connected) await ctx.master.openRoom(roomId);
  ctx.master.nudge();

  const history = await latestHistory(room, {
    roomId,
    sellerId: room.config.sellerId,
    sinceId: input.sinceId ?? null,
    nodeId: ctx.nodeId,
    separated: isSeparated(room),
    staff,
  });
  const state = buildRoomState(ctx, room);
  ack({ ok: true, nodeId: ctx.nodeId, separated: state.separated, history, state });
  socket.emit("room:state", state);
  sendOwnRestriction(socket, room.config);
  viewersChanged(ctx, roomId);
});
