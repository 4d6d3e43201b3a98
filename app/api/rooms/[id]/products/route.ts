import { NextResponse } from "next/server";
import { handle, parseBody } from "@/server/http/handle";
import { requireRoomStaff } from "@/server/auth/request";
import { ZSetShowProductsRequest } from "@/lib/commerce/product-schemas";
import { setShowProducts } from "@/server/commerce/set-show-products";
import { type TIdCtx, idParam } from "@/app/api/_lib/route-params";

/** The show's seller or an ADMIN sets the show's products in order: `{ productIds }` → `{ products }`. */
export const PUT = handle(async (req, ctx: TIdCtx) => {
  const id = await idParam(ctx);
  const { room } = await requireRoomStaff(id);
  const { productIds } = await parseBody(req, ZSetShowProductsRequest);
  return NextResponse.json({ products: await setShowProducts(room, productIds) });
});
