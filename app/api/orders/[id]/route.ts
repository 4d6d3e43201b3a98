import { NextResponse } from "next/server";
import { handle } from "@/server/http/handle";
import { requireUser } from "@/server/auth/request";
import { getOrderFor } from "@/server/commerce/get-order";
import { toOrderView } from "@/server/commerce/order-view";
import { type TIdCtx, idParam } from "@/app/api/_lib/route-params";

/** One order: its buyer or an ADMIN. */
export const GET = handle(async (_req, ctx: TIdCtx) => {
  const id = await idParam(ctx);
  const user = await requireUser();
  const order = await getOrderFor(user, id);
  return NextResponse.json({ order: toOrderView(order) }, { headers: { "cache-control": "no-store" } });
});
