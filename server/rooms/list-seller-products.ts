import "server-only";
import { db } from "@/server/db";
import type { TProductBasics } from "@/server/commerce/product-row";

export type TPickableProduct = TProductBasics;

/** A seller's products that can be attached to a show (archived ones are left out). */
export async function listSellerProducts(sellerId: string): Promise<TPickableProduct[]> {
  return db.product.findMany({
    where: { sellerId, archivedAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, imageUrl: true, priceMinor: true, currency: true, stock: true },
  });
}
