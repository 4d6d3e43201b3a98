import { NextResponse } from "next/server";
import { handle, parseBody } from "@/server/http/handle";
import { requireRoomStaff } from "@/server/auth/request";
import { ZCreateAuctionRequest } from "@/lib/auctions/auction-schemas";
import { createAuction } from "@/server/auctions/create-auction";
import { listAuctions } from "@/server/auctions/list-auctions";
import { type TIdCtx, existingShowId, idParam } from "@/app/api/_lib/route-params";

/** The show's auctions, newest first `{ auctions }` (public: viewers, the console and replays read it). */
export const GET = handle(async (_req, ctx: TIdCtx) => {
  const id = await existingShowId(ctx);
  return NextResponse.json(
    { auctions: await listAuctions(id) },
    { headers: { "cache-control": "no-store" } },
  );
});

/** The show's seller or an ADMIN starts an auction → 201 `{ auction }`. */
export const POST = handle(async (req, ctx: TIdCtx) => {
  const id = await idParam(ctx);
  const { user, room } = await requireRoomStaff(id);
  const auction = await createAuction(user.id, room.id, await parseBody(req, ZCreateAuctionRequest));
  return NextResponse.json({ auction }, { status: 201 });
});
