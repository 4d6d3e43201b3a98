import { db } from "@/server/db";
import { createLogger } from "@/server/log";
import type { TSessionUser } from "@/server/auth/sessions";
import type { TProductView } from "@/lib/commerce/product-schemas";
import { toProductView } from "@/server/products/product-view";
import { requireProductOwner } from "@/server/products/require-product-owner";
import { broadcastProduct } from "@/server/commerce/broadcast-product";
import { notifyPinnedProduct } from "@/server/commerce/notify";
import { withBusyRetry } from "@/server/commerce/with-busy-retry";

const log = createLogger("commerce:products");

/**
 * Takes a product off sale (its seller or an ADMIN): no new orders, unpinned from every show, its deals
 * ended. Orders already placed keep their hold and can still be paid. Archiving twice is a no-op.
 */
export async function archiveProduct(
  user: Pick<TSessionUser, "id" | "role">,
  productId: string,
): Promise<TProductView> {
  await requireProductOwner(user, productId);
  const pinnedIn = await db.room.findMany({ where: { pinnedProductId: productId }, select: { id: true } });
  await withBusyRetry("archive product", () =>
    db.$transaction([
      db.product.updateMany({ where: { id: productId, archivedAt: null }, data: { archivedAt: new Date() } }),
      db.roomProduct.updateMany({
        where: { productId },
        data: { dealPriceMinor: null, dealStartedAt: null, dealEndsAt: null, dealLimitPerBuyer: null },
      }),
      db.room.updateMany({ where: { pinnedProductId: productId }, data: { pinnedProductId: null } }),
      ...pinnedIn.map((r) => db.pinEvent.create({ data: { roomId: r.id, productId: null } })),
    ]),
  );
  log.info({ productId, by: user.id }, "product archived");
  for (const r of pinnedIn) notifyPinnedProduct(r.id, null);
  broadcastProduct(productId);
  return toProductView(await db.product.findUniqueOrThrow({ where: { id: productId } }));
}
