import { NextResponse } from "next/server";
import { z } from "zod";
import { handle, parseBody, parseParams } from "@/server/http/handle";
import { notFound } from "@/server/http/errors";
import { requireRoomStaff } from "@/server/auth/request";
import { db } from "@/server/db";
import { ZStartDealRequest } from "@/lib/commerce/show-schemas";
import { startDeal } from "@/server/commerce/start-deal";
import { listDeals } from "@/server/commerce/list-deals";

const ZParams = z.object({ id: z.string().min(1).max(100) });
type TCtx = { params: Promise<{ id: string }> };

/** The show's running flash deals `{ deals }` (public: viewers see them on the product panel). */
export const GET = handle(async (_req, ctx: TCtx) => {
  const { id } = parseParams(await ctx.params, ZParams);
  if (!(await db.room.findUnique({ where: { id }, select: { id: true } })))
    throw notFound("This show does not exist.");
  return NextResponse.json({ deals: await listDeals(id) }, { headers: { "cache-control": "no-store" } });
});

/** The show's seller or an ADMIN starts a flash deal → 201 `{ deal }`. */
export const POST = handle(async (req, ctx: TCtx) => {
  const { id } = parseParams(await ctx.params, ZParams);
  const { room } = await requireRoomStaff(id);
  const deal = await startDeal(room.id, await parseBody(req, ZStartDealRequest));
  return NextResponse.json({ deal }, { status: 201 });
});
