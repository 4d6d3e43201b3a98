import { NextResponse } from "next/server";
import { handle, parseBody } from "@/server/http/handle";
import { requireRoomStaff } from "@/server/auth/request";
import { ZStartDealRequest } from "@/lib/commerce/show-schemas";
import { startDeal } from "@/server/commerce/start-deal";
import { listDeals } from "@/server/commerce/list-deals";
import { type TIdCtx, existingShowId, idParam } from "@/app/api/_lib/route-params";

/** The show's running flash deals `{ deals }` (public: viewers see them on the product panel). */
export const GET = handle(async (_req, ctx: TIdCtx) => {
  const id = await existingShowId(ctx);
  return NextResponse.json({ deals: await listDeals(id) }, { headers: { "cache-control": "no-store" } });
});

/** The show's seller or an ADMIN starts a flash deal → 201 `{ deal }`. */
export const POST = handle(async (req, ctx: TIdCtx) => {
  const id = await idParam(ctx);
  const { room } = await requireRoomStaff(id);
  const deal = await startDeal(room.id, await parseBody(req, ZStartDealRequest));
  return NextResponse.json({ deal }, { status: 201 });
});
