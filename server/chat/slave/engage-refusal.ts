import type { RateLimiter } from "@/server/chat/rate-limit";
import { roomChannel, type TClientSocket, type TSlaveContext } from "@/server/chat/slave/context";
import { restrictionOf } from "@/server/chat/slave/restrictions";
import { fail } from "@/server/chat/slave/safe-handler";

/**
 * Why a signed-in viewer may not bid or enter in `roomId`'s show now, or null: they must have joined it, not
 * be banned from it (a mute is about chat text only, so muted viewers take part), not be its seller, and
 * keep within `limiter`. The messages say which action it was.
 */
export function engageRefusal(
  ctx: TSlaveContext,
  socket: TClientSocket,
  userId: string,
  roomId: string,
  now: number,
  o: {
    notJoined: string;
    own: { message: string; fields: Record<string, string> };
    limiter: RateLimiter;
    tooFast: string;
  },
) {
  const room = ctx.rooms.get(roomId);
  if (!room || !socket.rooms.has(roomChannel(roomId))) return fail("NOT_JOINED", o.notJoined);
  const { ban } = restrictionOf(room.config, userId, now);
  if (ban) return fail("BANNED", "You are banned from this show.", { until: ban.until });
  if (room.config.sellerId === userId) return fail("INVALID", o.own.message, { fields: o.own.fields });
  const limit = o.limiter.take(userId, now);
  if (!limit.ok) return fail("RATE_LIMITED", o.tooFast, { retryAfterMs: limit.retryAfterMs });
  return null;
}
