import { NextResponse } from "next/server";
import { z } from "zod";
import { handle, parseBody, parseParams } from "@/server/http/handle";
import { ApiError, notFound } from "@/server/http/errors";
import { requireUser } from "@/server/auth/request";
import { db } from "@/server/db";
import { ZCancelAuctionRequest } from "@/lib/auctions/auction-schemas";
import { finishAuction } from "@/server/auctions/finish-auction";

const ZParams = z.object({ id: z.string().min(1).max(100), auctionId: z.string().min(1).max(100) });

/** An ADMIN cancels a running auction with a reason (audit log `auction.cancel`) → `{ auction }`; the unit goes back to stock. */
export const POST = handle(async (req, ctx: { params: Promise<{ id: string; auctionId: string }> }) => {
  const { id, auctionId } = parseParams(await ctx.params, ZParams);
  const admin = await requireUser("ADMIN");
  const { reason } = await parseBody(req, ZCancelAuctionRequest);
  const found = await db.auction.findFirst({ where: { id: auctionId, roomId: id }, select: { id: true } });
  if (!found) throw notFound("This auction does not exist in this show.");
  const auction = await finishAuction(auctionId, { kind: "cancel", actorId: admin.id, reason });
  if (!auction) throw new ApiError(409, "AUCTION_ENDED", "This auction has already ended.");
  return NextResponse.json({ auction });
});
