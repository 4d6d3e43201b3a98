import { NextResponse } from "next/server";
import { handle, parseBody } from "@/server/http/handle";
import { currentUser, requireUser } from "@/server/auth/request";
import { ZUpdateProductRequest } from "@/lib/commerce/product-schemas";
import { getProduct } from "@/server/products/get-product";
import { updateProduct } from "@/server/products/update-product";
import { archiveProduct } from "@/server/products/archive-product";
import { type TIdCtx, idParam } from "@/app/api/_lib/route-params";

/** One product `{ product }` (archived ones only for their seller or an ADMIN). */
export const GET = handle(async (_req, ctx: TIdCtx) => {
  const id = await idParam(ctx);
  return NextResponse.json({ product: await getProduct(await currentUser(), id) });
});

/** The product's seller or an ADMIN edits it → `{ product }`. */
export const PATCH = handle(async (req, ctx: TIdCtx) => {
  const id = await idParam(ctx);
  const user = await requireUser();
  const input = await parseBody(req, ZUpdateProductRequest);
  return NextResponse.json({ product: await updateProduct(user, id, input) });
});

/** Archives (never deletes: orders refer to it) → `{ product }` with `archived: true`. */
export const DELETE = handle(async (_req, ctx: TIdCtx) => {
  const id = await idParam(ctx);
  const user = await requireUser();
  return NextResponse.json({ product: await archiveProduct(user, id) });
});
