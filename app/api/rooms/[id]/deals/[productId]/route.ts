import { NextResponse } from "next/server";
import { z } from "zod";
import { handle, parseParams } from "@/server/http/handle";
import { requireRoomStaff } from "@/server/auth/request";
import { stopDeal } from "@/server/commerce/stop-deal";

const ZParams = z.object({ id: z.string().min(1).max(100), productId: z.string().min(1).max(100) });

/** The show's seller or an ADMIN ends the product's flash deal now → `{ ok: true }`. */
export const DELETE = handle(async (_req, ctx: { params: Promise<{ id: string; productId: string }> }) => {
  const { id, productId } = parseParams(await ctx.params, ZParams);
  const { room } = await requireRoomStaff(id);
  await stopDeal(room.id, productId);
  return NextResponse.json({ ok: true });
});
