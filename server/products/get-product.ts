import { db } from "@/server/db";
import { notFound } from "@/server/http/errors";
import type { TSessionUser } from "@/server/auth/sessions";
import type { TProductView } from "@/lib/commerce/product-schemas";
import { toProductView } from "@/server/products/product-view";

/** A product anyone may see; an archived one only its seller or an ADMIN. */
export async function getProduct(
  user: Pick<TSessionUser, "id" | "role"> | null,
  productId: string,
): Promise<TProductView> {
  const product = await db.product.findUnique({ where: { id: productId } });
  const maySee = product && (!product.archivedAt || user?.role === "ADMIN" || user?.id === product.sellerId);
  if (!product || !maySee) throw notFound("This product does not exist.");
  return toProductView(product);
}
