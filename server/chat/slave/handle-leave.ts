import { ZLeaveRequest } from "@/lib/chat/protocol";
import { roomChannel, staffChannel } from "@/server/chat/slave/context";
import { viewersChanged } from "@/server/chat/slave/room-state";
import { clientHandler } from "@/server/chat/slave/safe-handler";

/** `room:leave`. */
export const handleLeave = clientHandler(ZLeaveRequest, async (ctx, socket, { roomId }, ack) => {
  await socket.leave(roomChannel(roomId));
  await socket.leave(staffChannel(roomId));
  ctx.master.nudge();
  viewersChanged(ctx, roomId);
  ack({ ok: true, roomId });
});
