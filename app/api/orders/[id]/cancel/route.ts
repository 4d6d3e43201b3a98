import { NextResponse } from "next/server";
import { handle } from "@/server/http/handle";
import { requireUser } from "@/server/auth/request";
import { cancelOrder } from "@/server/commerce/cancel-order";
import { type TIdCtx, idParam } from "@/app/api/_lib/route-params";

/** The buyer (or an ADMIN) cancels an unpaid order; its units go back on sale → `{ order }`. */
export const POST = handle(async (_req, ctx: TIdCtx) => {
  const id = await idParam(ctx);
  const user = await requireUser();
  return NextResponse.json({ order: await cancelOrder(user, id) });
});
