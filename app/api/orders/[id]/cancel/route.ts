import { NextResponse } from "next/server";
import { z } from "zod";
import { handle, parseParams } from "@/server/http/handle";
import { requireUser } from "@/server/auth/request";
import { cancelOrder } from "@/server/commerce/cancel-order";

const ZParams = z.object({ id: z.string().min(1).max(100) });

/** The buyer (or an ADMIN) cancels an unpaid order; its units go back on sale → `{ order }`. */
export const POST = handle(async (_req, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = parseParams(await ctx.params, ZParams);
  const user = await requireUser();
  return NextResponse.json({ order: await cancelOrder(user, id) });
});
