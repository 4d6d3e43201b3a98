import { db } from "@/server/db";
import { ApiError } from "@/server/http/errors";
import { createLogger } from "@/server/log";
import { withBusyRetry } from "@/server/commerce/with-busy-retry";
import { notifyPinnedProduct } from "@/server/commerce/notify";

const log = createLogger("commerce");

export type TShowProductRow = { productId: string; position: number };

/**
 * Sets which products a show sells and in what order (the caller has checked the user runs the show).
 * Products must belong to the show's seller and not be archived. Kept products keep their running deals;
 * a removed product that was pinned is unpinned.
 */
export async function setShowProducts(
  room: { id: string; sellerId: string },
  productIds: string[],
): Promise<TShowProductRow[]> {
  const unique = [...new Set(productIds)];
  if (unique.length !== productIds.length) {
    throw new ApiError(400, "INVALID", "Some fields are not valid.", {
      productIds: "Each product can be listed once.",
    });
  }
  const owned = await db.product.count({
    where: { id: { in: unique }, sellerId: room.sellerId, archivedAt: null },
  });
  if (owned !== unique.length) {
    throw new ApiError(
      400,
      "PRODUCT_NOT_IN_CATALOG",
      "Every product must be one of the show seller's own products on sale.",
    );
  }
  const current = await db.room.findUniqueOrThrow({
    where: { id: room.id },
    select: { pinnedProductId: true },
  });
  const unpin = current.pinnedProductId !== null && !unique.includes(current.pinnedProductId);

  await withBusyRetry("set show products", () =>
    db.$transaction([
      db.roomProduct.deleteMany({ where: { roomId: room.id, productId: { notIn: unique } } }),
      ...unique.map((productId, position) =>
        db.roomProduct.upsert({
          where: { roomId_productId: { roomId: room.id, productId } },
          create: { roomId: room.id, productId, position },
          update: { position },
        }),
      ),
      ...(unpin
        ? [
            db.room.update({ where: { id: room.id }, data: { pinnedProductId: null } }),
            db.pinEvent.create({ data: { roomId: room.id, productId: null } }),
          ]
        : []),
    ]),
  );
  // Always: the product list is part of the show's cached page and room JSON in every web process.
  notifyPinnedProduct(room.id, unpin ? null : current.pinnedProductId);
  log.info({ roomId: room.id, count: unique.length }, "show products set");
  return unique.map((productId, position) => ({ productId, position }));
}
