import { ZEnterGiveawayRequest } from "@/lib/giveaways/giveaway-schemas";
import type { TEnterAck } from "@/lib/chat/engage-protocol";
import { db } from "@/server/db";
import { enterGiveaway } from "@/server/giveaways/enter-giveaway";
import { GIVEAWAY_SELECT, toGiveawayView } from "@/server/giveaways/giveaway-view";
import { deliverGiveaway, engagement } from "@/server/chat/slave/engagement";
import { engageRefusal } from "@/server/chat/slave/engage-refusal";
import { fail, userHandler } from "@/server/chat/slave/safe-handler";

/**
 * `giveaway:enter`: validate, check the viewer (signed in, in the giveaway's room, not banned, not the room's
 * seller, within 5 presses then 1/s), then let the database decide (server/giveaways/enter-giveaway.ts). The
 * ack says entered (a second press too: one entry each); the entrant count reaches every viewer from the
 * master's 250 ms tick, one update per giveaway however many entered.
 */
export const handleGiveawayEnter = userHandler(
  ZEnterGiveawayRequest,
  "Sign in to enter.",
  async (ctx, socket, { giveawayId }, user, ack) => {
    const reply = (res: TEnterAck) => ack(res);
    const state = engagement(ctx);
    let roomId = state.giveaways.get(giveawayId)?.roomId;
    if (!roomId) {
      const row = await db.giveaway.findUnique({ where: { id: giveawayId }, select: GIVEAWAY_SELECT });
      if (!row)
        return ack(fail("INVALID", "There is no such giveaway.", { fields: { giveawayId: "unknown" } }));
      deliverGiveaway(ctx, toGiveawayView(row));
      roomId = row.roomId;
    }
    const now = Date.now();
    const refused = engageRefusal(ctx, socket, user.id, roomId, now, {
      notJoined: "Join the show before entering.",
      own: { message: "Sellers cannot enter their own giveaways.", fields: { giveawayId: "own giveaway" } },
      limiter: state.enterLimiter,
      tooFast: "Please wait a moment.",
    });
    if (refused) return ack(refused);

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
  },
);
