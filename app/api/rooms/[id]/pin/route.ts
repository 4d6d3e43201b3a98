import { NextResponse } from "next/server";
import { handle, parseBody } from "@/server/http/handle";
import { requireRoomStaff } from "@/server/auth/request";
import { ZPinRequest } from "@/lib/commerce/show-schemas";
import { pinProduct } from "@/server/commerce/pin-product";
import { type TIdCtx, idParam } from "@/app/api/_lib/route-params";

/** The show's seller or an ADMIN pins `{ productId }` (or unpins with null) → `{ roomId, pinnedProductId }`. */
export const POST = handle(async (req, ctx: TIdCtx) => {
  const id = await idParam(ctx);
  const { room } = await requireRoomStaff(id);
  const { productId } = await parseBody(req, ZPinRequest);
  return NextResponse.json(await pinProduct(room.id, productId));
});
