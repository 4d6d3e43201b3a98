import { NextResponse } from "next/server";
import { z } from "zod";
import { handle, parseBody, parseParams } from "@/server/http/handle";
import { requireUser } from "@/server/auth/request";
import { ZPayOrderRequest } from "@/lib/commerce/order-schemas";
import { payOrder } from "@/server/commerce/pay-order";

const ZParams = z.object({ id: z.string().min(1).max(100) });

/** The buyer pays a held order: `{ card, shipping }` → `{ order }` PAID; declined → 402 PAYMENT_DECLINED. */
export const POST = handle(async (req, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = parseParams(await ctx.params, ZParams);
  const user = await requireUser();
  const input = await parseBody(req, ZPayOrderRequest);
  return NextResponse.json({ order: await payOrder(user.id, id, input) });
});
