import { MAX_TEXT_LENGTH, ZSendRequest } from "@/lib/chat/protocol";
import { findByClientId, storeMessage } from "@/server/chat/store-message";
import { isRoomStaff } from "@/server/chat/visibility";
import { roomChannel, type TClientSocket, type TSlaveContext } from "@/server/chat/slave/context";
import { checkRoomRules } from "@/server/chat/slave/check-rules";
import { deliverLocal } from "@/server/chat/slave/deliver";
import { fail, invalid, type TAckFn } from "@/server/chat/slave/safe-handler";

/**
 * `chat:send`: validate, enforce the room's rules locally, store durably, acknowledge, deliver to this
 * slave's clients, then hand to the master for the other slaves. A resent clientId returns the first copy.
 */
export async function handleSend(ctx: TSlaveContext, socket: TClientSocket, payload: unknown, ack: TAckFn): Promise<void> {
  const parsed = ZSendRequest.safeParse(payload);
  if (!parsed.success) return ack(invalid(parsed.error));
  const user = socket.data.user;
  if (!user) return ack(fail("UNAUTHENTICATED", "Sign in to chat."));
  const { roomId, clientId } = parsed.data;
  const room = ctx.rooms.get(roomId);
  if (!room || !socket.rooms.has(roomChannel(roomId))) return ack(fail("NOT_JOINED", "Join the room before sending."));
  const text = parsed.data.text.trim();
  if (text.length === 0) return ack(fail("INVALID", "The message is empty.", { fields: { text: "empty" } }));
  if (text.length > MAX_TEXT_LENGTH) return ack(fail("TOO_LONG", `Messages are at most ${MAX_TEXT_LENGTH} characters.`));

  const limit = ctx.limiter.take(user.id);
  if (!limit.ok) return ack(fail("RATE_LIMITED", "You are sending too fast.", { retryAfterMs: limit.retryAfterMs }));
  // A resend (the client missed our ack) must succeed with the stored copy even if a rule would now refuse it.
  const existing = await findByClientId(user.id, clientId);
  if (existing) {
    ctx.limiter.refund(user.id);
    return ack({ ok: true, message: existing });
  }

  const now = Date.now();
  const staff = isRoomStaff(room.config, user);
  const refused = checkRoomRules({ config: room.config, userId: user.id, staff, text, lastSentAt: room.lastSent.get(user.id), now });
  if (refused) return ack({ ok: false, error: refused });

  room.lastSent.set(user.id, now);
  const { message, created } = await storeMessage({ roomId, userId: user.id, clientId, text, kind: "chat", nodeId: ctx.nodeId });
  ack({ ok: true, message });
  if (!created) return;
  ctx.stats.messageIn();
  deliverLocal(ctx, room, message);
  ctx.master.send({ type: "chat", message });
}
