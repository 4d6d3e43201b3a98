import { NextResponse } from "next/server";
import { z } from "zod";
import { handle, parseBody, parseParams } from "@/server/http/handle";
import { currentUser, requireUser } from "@/server/auth/request";
import { ZUpdateProductRequest } from "@/lib/commerce/product-schemas";
import { getProduct } from "@/server/products/get-product";
import { updateProduct } from "@/server/products/update-product";
import { archiveProduct } from "@/server/products/archive-product";

const ZParams = z.object({ id: z.string().min(1).max(100) });
type TCtx = { params: Promise<{ id: string }> };

/** One product `{ product }` (archived ones only for their seller or an ADMIN). */
export const GET = handle(async (_req, ctx: TCtx) => {
  const { id } = parseParams(await ctx.params, ZParams);
  return NextResponse.json({ product: await getProduct(await currentUser(), id) });
});

/** The product's seller or an ADMIN edits it → `{ product }`. */
export const PATCH = handle(async (req, ctx: TCtx) => {
  const { id } = parseParams(await ctx.params, ZParams);
  const user = await requireUser();
  const input = await parseBody(req, ZUpdateProductRequest);
  return NextResponse.json({ product: await updateProduct(user, id, input) });
});

/** Archives (never deletes: orders refer to it) → `{ product }` with `archived: true`. */
export const DELETE = handle(async (_req, ctx: TCtx) => {
  const { id } = parseParams(await ctx.params, ZParams);
  const user = await requireUser();
  return NextResponse.json({ product: await archiveProduct(user, id) });
});
