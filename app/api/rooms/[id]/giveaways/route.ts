import { NextResponse } from "next/server";
import { z } from "zod";
import { handle, parseBody, parseParams } from "@/server/http/handle";
import { notFound } from "@/server/http/errors";
import { currentUser, requireRoomStaff } from "@/server/auth/request";
import { db } from "@/server/db";
import { ZCreateGiveawayRequest } from "@/lib/giveaways/giveaway-schemas";
import { createGiveaway } from "@/server/giveaways/create-giveaway";
import { listGiveaways } from "@/server/giveaways/list-giveaways";

const ZParams = z.object({ id: z.string().min(1).max(100) });
type TCtx = { params: Promise<{ id: string }> };

/** The show's giveaways, newest first `{ giveaways, entered }` (`entered`: ids the caller entered; [] for guests). */
export const GET = handle(async (_req, ctx: TCtx) => {
  const { id } = parseParams(await ctx.params, ZParams);
  if (!(await db.room.findUnique({ where: { id }, select: { id: true } })))
    throw notFound("This show does not exist.");
  const user = await currentUser();
  return NextResponse.json(await listGiveaways(id, user?.id ?? null), {
    headers: { "cache-control": "no-store" },
  });
});

/** The show's seller or an ADMIN starts a giveaway → 201 `{ giveaway }`. */
export const POST = handle(async (req, ctx: TCtx) => {
  const { id } = parseParams(await ctx.params, ZParams);
  const { user, room } = await requireRoomStaff(id);
  const giveaway = await createGiveaway(user.id, room.id, await parseBody(req, ZCreateGiveawayRequest));
  return NextResponse.json({ giveaway }, { status: 201 });
});
