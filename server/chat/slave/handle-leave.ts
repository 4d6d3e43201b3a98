import { ZLeaveRequest } from "@/lib/chat/protocol";
import {
  roomChannel,
  staffChannel,
  type TClientSocket,
  type TSlaveContext,
} from "@/server/chat/slave/context";
import { emitRoomState } from "@/server/chat/slave/room-state";
import { invalid, type TAckFn } from "@/server/chat/slave/safe-handler";

/** `room:leave`. */
export async function handleLeave(
  ctx: TSlaveContext,
  socket: TClientSocket,
  payload: unknown,
  ack: TAckFn,
): Promise<void> {
  const parsed = ZLeaveRequest.safeParse(payload);
  if (!parsed.success) return ack(invalid(parsed.error));
  const { roomId } = parsed.data;
  await socket.leave(roomChannel(roomId));
  await socket.leave(staffChannel(roomId));
  ctx.master.nudge();
  emitRoomState(ctx, roomId);
  ack({ ok: true, roomId });
}
