import { db } from "@/server/db";
import { createLogger } from "@/server/log";
import type { TCreateProductRequest, TProductView } from "@/lib/commerce/product-schemas";
import { toProductView } from "@/server/products/product-view";

const log = createLogger("commerce:products");

/** Creates a product in the seller's catalog. */
export async function createProduct(sellerId: string, input: TCreateProductRequest): Promise<TProductView> {
  const product = await db.product.create({
    data: { sellerId, ...input, imageUrl: input.imageUrl ?? null },
  });
  log.info({ productId: product.id, sellerId }, "product created");
  return toProductView(product);
}
