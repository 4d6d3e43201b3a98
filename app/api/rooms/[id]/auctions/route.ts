import { NextResponse } from "next/server";
import { z } from "zod";
import { handle, parseBody, parseParams } from "@/server/http/handle";
import { notFound } from "@/server/http/errors";
import { requireRoomStaff } from "@/server/auth/request";
import { db } from "@/server/db";
import { ZCreateAuctionRequest } from "@/lib/auctions/auction-schemas";
import { createAuction } from "@/server/auctions/create-auction";
import { listAuctions } from "@/server/auctions/list-auctions";

const ZParams = z.object({ id: z.string().min(1).max(100) });
type TCtx = { params: Promise<{ id: string }> };

/** The show's auctions, newest first `{ auctions }` (public: viewers, the console and replays read it). */
export const GET = handle(async (_req, ctx: TCtx) => {
  const { id } = parseParams(await ctx.params, ZParams);
  if (!(await db.room.findUnique({ where: { id }, select: { id: true } })))
    throw notFound("This show does not exist.");
  return NextResponse.json(
    { auctions: await listAuctions(id) },
    { headers: { "cache-control": "no-store" } },
  );
});

/** The show's seller or an ADMIN starts an auction → 201 `{ auction }`. */
export const POST = handle(async (req, ctx: TCtx) => {
  const { id } = parseParams(await ctx.params, ZParams);
  const { user, room } = await requireRoomStaff(id);
  const auction = await createAuction(user.id, room.id, await parseBody(req, ZCreateAuctionRequest));
  return NextResponse.json({ auction }, { status: 201 });
});
