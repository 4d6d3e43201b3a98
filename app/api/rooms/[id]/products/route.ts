import { NextResponse } from "next/server";
import { z } from "zod";
import { handle, parseBody, parseParams } from "@/server/http/handle";
import { requireRoomStaff } from "@/server/auth/request";
import { ZSetShowProductsRequest } from "@/lib/commerce/product-schemas";
import { setShowProducts } from "@/server/commerce/set-show-products";

const ZParams = z.object({ id: z.string().min(1).max(100) });

/** The show's seller or an ADMIN sets the show's products in order: `{ productIds }` → `{ products }`. */
export const PUT = handle(async (req, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = parseParams(await ctx.params, ZParams);
  const { room } = await requireRoomStaff(id);
  const { productIds } = await parseBody(req, ZSetShowProductsRequest);
  return NextResponse.json({ products: await setShowProducts(room, productIds) });
});
