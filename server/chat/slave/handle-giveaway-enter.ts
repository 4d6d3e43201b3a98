import { ZEnterGiveawayRequest } from "@/lib/giveaways/giveaway-schemas";
import type { TEnterAck } from "@/lib/chat/engage-protocol";
import { db } from "@/server/db";
import { enterGiveaway } from "@/server/giveaways/enter-giveaway";
import { GIVEAWAY_SELECT, toGiveawayView } from "@/server/giveaways/giveaway-view";
import { roomChannel, type TClientSocket, type TSlaveContext } from "@/server/chat/slave/context";
import { deliverGiveaway, engagement } from "@/server/chat/slave/engagement";
import { restrictionOf } from "@/server/chat/slave/restrictions";
import { fail, invalid, type TAckFn } from "@/server/chat/slave/safe-handler";

/**
 * `giveaway:enter`: validate, check the viewer (signed in, in the giveaway's room, not banned, not the room's
 * seller, within 5 presses then 1/s), then let the database decide (server/giveaways/enter-giveaway.ts). The
 * ack says entered (a second press too: one entry each); the entrant count reaches every viewer from the
 * master's 250 ms tick, one update per giveaway however many entered.
 */
export async function handleGiveawayEnter(
  ctx: TSlaveContext,
  socket: TClientSocket,
  payload: unknown,
  ack: TAckFn,
): Promise<void> {
  const reply = (res: TEnterAck) => ack(res);
  const parsed = ZEnterGiveawayRequest.safeParse(payload);
  if (!parsed.success) return ack(invalid(parsed.error));
  const user = socket.data.user;
  if (!user) return ack(fail("UNAUTHENTICATED", "Sign in to enter."));
  const { giveawayId } = parsed.data;
  const state = engagement(ctx);
  let roomId = state.giveaways.get(giveawayId)?.roomId;
  if (!roomId) {
    const row = await db.giveaway.findUnique({ where: { id: giveawayId }, select: GIVEAWAY_SELECT });
    if (!row)
      return ack(fail("INVALID", "There is no such giveaway.", { fields: { giveawayId: "unknown" } }));
    deliverGiveaway(ctx, toGiveawayView(row));
    roomId = row.roomId;
  }
  const room = ctx.rooms.get(roomId);
  if (!room || !socket.rooms.has(roomChannel(roomId)))
    return ack(fail("NOT_JOINED", "Join the show before entering."));
  const now = Date.now();
  const { ban } = restrictionOf(room.config, user.id, now);
  if (ban) return ack(fail("BANNED", "You are banned from this show.", { until: ban.until }));
  if (room.config.sellerId === user.id)
    return ack(
      fail("INVALID", "Sellers cannot enter their own giveaways.", {
        fields: { giveawayId: "own giveaway" },
      }),
    );
  const limit = state.enterLimiter.take(user.id, now);
  if (!limit.ok)
    return ack(fail("RATE_LIMITED", "Please wait a moment.", { retryAfterMs: limit.retryAfterMs }));

  const result = await enterGiveaway(giveawayId, user.id, roomId, ctx.nodeId, new Date(now));
  switch (result.kind) {
    case "entered":
      state.pendingEntries.set(giveawayId, roomId);
      return reply({ ok: true, entered: true, giveawayId });
    case "already":
      return reply({ ok: true, entered: true, giveawayId });
    case "notFound":
    case "wrongRoom":
      return ack(fail("INVALID", "There is no such giveaway.", { fields: { giveawayId: "unknown" } }));
    case "notEligible":
      return ack(
        fail("NOT_ELIGIBLE", "This giveaway is for viewers who chatted in this show: say hello first."),
      );
    case "ended": {
      const row = await db.giveaway.findUnique({ where: { id: giveawayId }, select: GIVEAWAY_SELECT });
      const giveaway = row ? toGiveawayView(row) : undefined;
      return reply({
        ok: false,
        error: {
          code: "GIVEAWAY_ENDED",
          message: "This giveaway has ended.",
          ...(giveaway ? { giveaway } : {}),
        },
      });
    }
  }
}
