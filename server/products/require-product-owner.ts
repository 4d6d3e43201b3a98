import type { Product } from "@prisma/client";
import { db } from "@/server/db";
import { forbidden, notFound } from "@/server/http/errors";
import type { TSessionUser } from "@/server/auth/sessions";
import { isSellerOrAdmin } from "@/server/auth/room-staff";

/** The product, when `user` is its seller or an ADMIN; else 404 (unknown) or 403. */
export async function requireProductOwner(
  user: Pick<TSessionUser, "id" | "role">,
  productId: string,
): Promise<Product> {
  const product = await db.product.findUnique({ where: { id: productId } });
  if (!product) throw notFound("This product does not exist.");
  if (!isSellerOrAdmin(user, product.sellerId)) throw forbidden();
  return product;
}
