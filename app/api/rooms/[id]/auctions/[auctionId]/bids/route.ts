import { NextResponse } from "next/server";
import { z } from "zod";
import { handle, parseParams } from "@/server/http/handle";
import { notFound } from "@/server/http/errors";
import { listBids } from "@/server/auctions/list-auctions";

const ZParams = z.object({ id: z.string().min(1).max(100), auctionId: z.string().min(1).max(100) });

/** An auction's accepted bids in the order they led `{ bids }` (public: the console's and the replay's history). */
export const GET = handle(async (_req, ctx: { params: Promise<{ id: string; auctionId: string }> }) => {
  const { id, auctionId } = parseParams(await ctx.params, ZParams);
  const bids = await listBids(id, auctionId);
  if (!bids) throw notFound("This auction does not exist in this show.");
  return NextResponse.json({ bids }, { headers: { "cache-control": "no-store" } });
});
