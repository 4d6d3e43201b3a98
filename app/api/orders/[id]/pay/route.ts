import { NextResponse } from "next/server";
import { handle, parseBody } from "@/server/http/handle";
import { requireUser } from "@/server/auth/request";
import { ZPayOrderRequest } from "@/lib/commerce/order-schemas";
import { payOrder } from "@/server/commerce/pay-order";
import { type TIdCtx, idParam } from "@/app/api/_lib/route-params";

/** The buyer pays a held order: `{ card, shipping }` → `{ order }` PAID; declined → 402 PAYMENT_DECLINED. */
export const POST = handle(async (req, ctx: TIdCtx) => {
  const id = await idParam(ctx);
  const user = await requireUser();
  const input = await parseBody(req, ZPayOrderRequest);
  return NextResponse.json({ order: await payOrder(user.id, id, input) });
});
