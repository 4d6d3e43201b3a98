import { db } from "@/server/db";
import { ApiError } from "@/server/http/errors";
import { createLogger } from "@/server/log";
import { notifyPinnedProduct } from "@/server/commerce/notify";
import { withBusyRetry } from "@/server/commerce/with-busy-retry";

const log = createLogger("commerce");

/**
 * Pins one of the show's products over the video (null unpins), records it for replays, and tells every
 * viewer through `room:state`. The caller has checked the user runs the show.
 */
export async function pinProduct(
  roomId: string,
  productId: string | null,
): Promise<{ roomId: string; pinnedProductId: string | null }> {
  if (productId !== null) {
    const listing = await db.roomProduct.findUnique({
      where: { roomId_productId: { roomId, productId } },
      select: { product: { select: { archivedAt: true } } },
    });
    if (!listing || listing.product.archivedAt) {
      throw new ApiError(400, "PRODUCT_NOT_IN_SHOW", "Only a product on sale in this show can be pinned.", {
        productId: "Not in this show.",
      });
    }
  }
  await withBusyRetry("pin product", () =>
    db.$transaction([
      db.room.update({ where: { id: roomId }, data: { pinnedProductId: productId } }),
      db.pinEvent.create({ data: { roomId, productId } }),
    ]),
  );
  log.info({ roomId, productId }, productId ? "product pinned" : "product unpinned");
  notifyPinnedProduct(roomId, productId);
  return { roomId, pinnedProductId: productId };
}
