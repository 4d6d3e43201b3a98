import { NextResponse } from "next/server";
import { z } from "zod";
import { handle, parseParams } from "@/server/http/handle";
import { requireUser } from "@/server/auth/request";
import { getOrderFor } from "@/server/commerce/get-order";
import { toOrderView } from "@/server/commerce/order-view";

const ZParams = z.object({ id: z.string().min(1).max(100) });

/** One order: its buyer or an ADMIN. */
export const GET = handle(async (_req, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = parseParams(await ctx.params, ZParams);
  const user = await requireUser();
  const order = await getOrderFor(user, id);
  return NextResponse.json({ order: toOrderView(order) }, { headers: { "cache-control": "no-store" } });
});
