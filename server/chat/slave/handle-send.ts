import { MAX_TEXT_LENGTH, ZSendRequest, type TChatError } from "@/lib/chat/protocol";
import { findByClientId } from "@/server/chat/store-message";
import { isRoomStaff } from "@/server/chat/visibility";
import { roomChannel, type TSlaveContext } from "@/server/chat/slave/context";
import { checkRoomRules } from "@/server/chat/slave/check-rules";
import { deliverLocal } from "@/server/chat/slave/deliver";
import { fail, userHandler } from "@/server/chat/slave/safe-handler";
import { roleInRoom } from "@/server/chat/message-row";

/**
 * `chat:send`: validate, check the room's rules here and the user's rate limit and slow mode at the master
 * (one budget per user for the whole room, whichever slave they use), store durably in this tick's group
 * commit, acknowledge, deliver to this slave's clients, then hand to the master for the other slaves.
 * A resent clientId returns the first copy, even when a rule would now refuse it.
 */
export const handleSend = userHandler(
  ZSendRequest,
  "Sign in to chat.",
  async (ctx, socket, input, user, ack) => {
    const { roomId, clientId } = input;
    const room = ctx.rooms.get(roomId);
    if (!room || !socket.rooms.has(roomChannel(roomId)))
      return ack(fail("NOT_JOINED", "Join the room before sending."));
    const text = input.text.trim();
    if (text.length === 0)
      return ack(fail("INVALID", "The message is empty.", { fields: { text: "empty" } }));
    if (text.length > MAX_TEXT_LENGTH)
      return ack(fail("TOO_LONG", `Messages are at most ${MAX_TEXT_LENGTH} characters.`));

    const staff = isRoomStaff(room.config, user);
    const ruled = checkRoomRules({
      config: room.config,
      userId: user.id,
      staff,
      text,
      lastSentAt: undefined,
      now: Date.now(),
    });
    const request = {
      userId: user.id,
      roomId,
      staff,
      slowModeSeconds: room.config.slowModeSeconds,
      reserveSlow: ruled === null,
    };
    const fromMaster = await ctx.master.takeLimit(request);
    const limited = fromMaster === undefined ? ctx.fallbackLimits.take(request) : fromMaster;
    // The contract's order: rate limit, then the room's rules, then slow mode.
    const refused: TChatError | null =
      limited?.code === "RATE_LIMITED"
        ? rateLimited(limited.retryAfterMs)
        : (ruled ?? (limited ? slowMode(limited.retryAfterMs, room.config.slowModeSeconds) : null));
    if (refused) {
      // The one DB read a refusal costs: a resend whose ack was lost still gets its stored copy.
      const existing = await findByClientId(user.id, roomId, clientId);
      if (!existing) return ack({ ok: false, error: refused });
      refund(ctx, user.id, fromMaster === undefined);
      return ack({ ok: true, message: existing });
    }

    const { message, created } = await ctx.commits.store({
      roomId,
      userId: user.id,
      clientId,
      text,
      kind: "chat",
      nodeId: ctx.nodeId,
      author: { id: user.id, name: user.name, role: roleInRoom(user, room.config.sellerId) },
    });
    ack({ ok: true, message });
    if (!created) return refund(ctx, user.id, fromMaster === undefined);
    ctx.stats.messageIn();
    deliverLocal(ctx, room, message);
    ctx.master.relay(message);
  },
);

function refund(ctx: TSlaveContext, userId: string, local: boolean): void {
  if (local) ctx.fallbackLimits.refund(userId);
  else ctx.master.refundLimit(userId);
}

const rateLimited = (retryAfterMs: number): TChatError => ({
  code: "RATE_LIMITED",
  message: "You are sending too fast.",
  retryAfterMs,
});
const slowMode = (retryAfterMs: number, seconds: number): TChatError => ({
  code: "SLOW_MODE",
  message: `Slow mode: one message every ${seconds} s.`,
  retryAfterMs,
});
