import { db } from "@/server/db";
import { ApiError } from "@/server/http/errors";
import { createLogger } from "@/server/log";
import type { TDealView, TStartDealRequest } from "@/lib/commerce/show-schemas";
import { broadcastProduct } from "@/server/commerce/broadcast-product";
import { withBusyRetry } from "@/server/commerce/with-busy-retry";

const log = createLogger("commerce");

/**
 * Starts (or restarts) a flash deal on one of the show's products: a lower price until `endsAt` by the
 * server's clock, optionally limited per buyer. Viewers get `product:update` now and again when it ends.
 */
export async function startDeal(
  roomId: string,
  input: TStartDealRequest,
  now = new Date(),
): Promise<TDealView> {
  const listing = await db.roomProduct.findUnique({
    where: { roomId_productId: { roomId, productId: input.productId } },
    include: { product: true, room: { select: { status: true } } },
  });
  // A deal on a show that ENDED would sell at the deal price to replay shoppers nobody was talking to.
  if (listing?.room.status === "ENDED") {
    throw new ApiError(
      409,
      "SHOW_ENDED",
      "This show has ended; flash deals run only before or during a show.",
    );
  }
  if (!listing || listing.product.archivedAt) {
    throw new ApiError(400, "PRODUCT_NOT_IN_SHOW", "Only a product on sale in this show can have a deal.", {
      productId: "Not in this show.",
    });
  }
  if (input.dealPriceMinor >= listing.product.priceMinor) {
    throw new ApiError(400, "INVALID", "Some fields are not valid.", {
      dealPriceMinor: "The deal price must be lower than the regular price.",
    });
  }
  const endsAt = new Date(now.getTime() + input.durationSeconds * 1000);
  const limitPerBuyer = input.limitPerBuyer ?? null;
  await withBusyRetry("start deal", () =>
    db.roomProduct.update({
      where: { roomId_productId: { roomId, productId: input.productId } },
      data: {
        dealPriceMinor: input.dealPriceMinor,
        dealStartedAt: now,
        dealEndsAt: endsAt,
        dealLimitPerBuyer: limitPerBuyer,
      },
    }),
  );
  log.info(
    { roomId, productId: input.productId, dealPriceMinor: input.dealPriceMinor, endsAt },
    "flash deal started",
  );
  broadcastProduct(input.productId);
  // Viewers count down on their own; this tells them the price went back even if a clock drifted.
  setTimeout(() => broadcastProduct(input.productId), endsAt.getTime() - Date.now() + 250).unref();
  return {
    roomId,
    productId: input.productId,
    dealPriceMinor: input.dealPriceMinor,
    priceMinor: listing.product.priceMinor,
    currency: listing.product.currency,
    startedAt: now.toISOString(),
    endsAt: endsAt.toISOString(),
    limitPerBuyer,
  };
}
