import { NextResponse } from "next/server";
import { z } from "zod";
import { handle, parseBody, parseParams } from "@/server/http/handle";
import { requireRoomStaff } from "@/server/auth/request";
import { ZPinRequest } from "@/lib/commerce/show-schemas";
import { pinProduct } from "@/server/commerce/pin-product";

const ZParams = z.object({ id: z.string().min(1).max(100) });

/** The show's seller or an ADMIN pins `{ productId }` (or unpins with null) → `{ roomId, pinnedProductId }`. */
export const POST = handle(async (req, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = parseParams(await ctx.params, ZParams);
  const { room } = await requireRoomStaff(id);
  const { productId } = await parseBody(req, ZPinRequest);
  return NextResponse.json(await pinProduct(room.id, productId));
});
