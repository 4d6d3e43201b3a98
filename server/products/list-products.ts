import type { Prisma } from "@prisma/client";
import { db } from "@/server/db";
import type { TSessionUser } from "@/server/auth/sessions";
import type { TProductView } from "@/lib/commerce/product-schemas";
import { toProductView } from "@/server/products/product-view";

/** A seller's catalog (an ADMIN sees every seller's, or one seller's with `sellerId`), oldest first. */
export async function listProducts(
  user: Pick<TSessionUser, "id" | "role">,
  opts: { includeArchived?: boolean; sellerId?: string } = {},
): Promise<TProductView[]> {
  const where: Prisma.ProductWhereInput = {
    ...(user.role === "ADMIN" ? (opts.sellerId ? { sellerId: opts.sellerId } : {}) : { sellerId: user.id }),
    ...(opts.includeArchived ? {} : { archivedAt: null }),
  };
  const products = await db.product.findMany({ where, orderBy: { createdAt: "asc" }, take: 500 });
  return products.map(toProductView);
}
