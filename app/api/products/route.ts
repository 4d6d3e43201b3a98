import { NextResponse } from "next/server";
import { handle, parseBody } from "@/server/http/handle";
import { requireUser } from "@/server/auth/request";
import { ZCreateProductRequest } from "@/lib/commerce/product-schemas";
import { createProduct } from "@/server/products/create-product";
import { listProducts } from "@/server/products/list-products";

/** SELLER/ADMIN: my catalog `{ products }`; `?archived=1` includes archived ones, ADMIN may pass `?sellerId=`. */
export const GET = handle(async (req) => {
  const user = await requireUser("SELLER", "ADMIN");
  const q = req.nextUrl.searchParams;
  const products = await listProducts(user, {
    includeArchived: q.get("archived") === "1",
    sellerId: q.get("sellerId")?.slice(0, 100),
  });
  return NextResponse.json({ products }, { headers: { "cache-control": "no-store" } });
});

/** SELLER/ADMIN: creates a product in my catalog → 201 `{ product }`. */
export const POST = handle(async (req) => {
  const user = await requireUser("SELLER", "ADMIN");
  const product = await createProduct(user.id, await parseBody(req, ZCreateProductRequest));
  return NextResponse.json({ product }, { status: 201 });
});
