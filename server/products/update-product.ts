import type { Prisma } from "@prisma/client";
import { db } from "@/server/db";
import { ApiError } from "@/server/http/errors";
import { createLogger } from "@/server/log";
import type { TSessionUser } from "@/server/auth/sessions";
import type { TProductView, TUpdateProductRequest } from "@/lib/commerce/product-schemas";
import { toProductView } from "@/server/products/product-view";
import { requireProductOwner } from "@/server/products/require-product-owner";
import { archiveProduct } from "@/server/products/archive-product";
import { broadcastProduct } from "@/server/commerce/broadcast-product";

const log = createLogger("commerce:products");

/** Edits a product (its seller or an ADMIN). Stock changes and un-archiving reach viewers as `product:update`. */
export async function updateProduct(
  user: Pick<TSessionUser, "id" | "role">,
  productId: string,
  input: TUpdateProductRequest,
): Promise<TProductView> {
  await requireProductOwner(user, productId);
  const { stockDelta, archived, ...fields } = input;
  if (archived === true) await archiveProduct(user, productId);

  const data: Prisma.ProductUpdateInput = { ...fields };
  if (archived === false) data.archivedAt = null;
  if (Object.keys(data).length > 0) await db.product.update({ where: { id: productId }, data });

  if (stockDelta !== undefined && stockDelta !== 0) {
    // Conditional like a reservation: removing units never takes stock below zero, even mid-checkout.
    const changed = await db.product.updateMany({
      where: { id: productId, stock: { gte: Math.max(0, -stockDelta) } },
      data: { stock: { increment: stockDelta } },
    });
    if (changed.count !== 1)
      throw new ApiError(409, "OUT_OF_STOCK", "There are fewer units in stock than you tried to remove.");
  }

  log.info({ productId, by: user.id, fields: Object.keys(input) }, "product updated");
  broadcastProduct(productId);
  return toProductView(await db.product.findUniqueOrThrow({ where: { id: productId } }));
}
