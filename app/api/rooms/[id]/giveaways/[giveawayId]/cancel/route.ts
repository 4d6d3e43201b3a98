import { NextResponse } from "next/server";
import { z } from "zod";
import { handle, parseBody, parseParams } from "@/server/http/handle";
import { ApiError, notFound } from "@/server/http/errors";
import { requireUser } from "@/server/auth/request";
import { db } from "@/server/db";
import { ZCancelGiveawayRequest } from "@/lib/giveaways/giveaway-schemas";
import { finishGiveaway } from "@/server/giveaways/finish-giveaway";

const ZParams = z.object({ id: z.string().min(1).max(100), giveawayId: z.string().min(1).max(100) });

/** An ADMIN cancels a running giveaway with a reason (audit log `giveaway.cancel`) → `{ giveaway }`; the unit goes back. */
export const POST = handle(async (req, ctx: { params: Promise<{ id: string; giveawayId: string }> }) => {
  const { id, giveawayId } = parseParams(await ctx.params, ZParams);
  const admin = await requireUser("ADMIN");
  const { reason } = await parseBody(req, ZCancelGiveawayRequest);
  const found = await db.giveaway.findFirst({ where: { id: giveawayId, roomId: id }, select: { id: true } });
  if (!found) throw notFound("This giveaway does not exist in this show.");
  const giveaway = await finishGiveaway(giveawayId, { kind: "cancel", actorId: admin.id, reason });
  if (!giveaway) throw new ApiError(409, "GIVEAWAY_ENDED", "This giveaway has already ended.");
  return NextResponse.json({ giveaway });
});
