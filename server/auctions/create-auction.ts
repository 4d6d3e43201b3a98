import { db } from "@/server/db";
import { ApiError } from "@/server/http/errors";
import { createLogger } from "@/server/log";
import type { TCreateAuctionRequest, TAuctionView } from "@/lib/auctions/auction-schemas";
import { AUCTION_SELECT, toAuctionView } from "@/server/auctions/auction-view";
import { notifyAuction } from "@/server/auctions/notify-auction";
import { broadcastProduct } from "@/server/commerce/broadcast-product";
import { withBusyRetry } from "@/server/commerce/with-busy-retry";

const log = createLogger("auctions");

type TCreate =
  { kind: "created"; view: TAuctionView } | { kind: "ended" | "notInShow" | "running" | "outOfStock" };

/**
 * Starts an auction of one unit of a show's product. The unit leaves stock now (one conditional update), so
 * the winner can always be sold it; it goes back if the auction ends without bids or is cancelled.
 * One auction runs per show at a time: viewers follow one clock.
 */
export async function createAuction(
  actorId: string,
  roomId: string,
  input: TCreateAuctionRequest,
  now = new Date(),
): Promise<TAuctionView> {
  const result = await withBusyRetry("create auction", () =>
    db.$transaction(async (tx): Promise<TCreate> => {
      const room = await tx.room.findUniqueOrThrow({ where: { id: roomId }, select: { status: true } });
      if (room.status === "ENDED") return { kind: "ended" };
      const listing = await tx.roomProduct.findUnique({
        where: { roomId_productId: { roomId, productId: input.productId } },
        select: { product: { select: { archivedAt: true, currency: true } } },
      });
      if (!listing || listing.product.archivedAt) return { kind: "notInShow" };
      const running = await tx.auction.count({ where: { roomId, status: "RUNNING" } });
      if (running > 0) return { kind: "running" };
      const taken = await tx.product.updateMany({
        where: { id: input.productId, archivedAt: null, stock: { gte: 1 } },
        data: { stock: { decrement: 1 } },
      });
      if (taken.count !== 1) return { kind: "outOfStock" };
      const row = await tx.auction.create({
        data: {
          roomId,
          productId: input.productId,
          startPriceMinor: input.startPriceMinor,
          minIncrementMinor: input.minIncrementMinor,
          currency: listing.product.currency,
          endsAt: new Date(now.getTime() + input.durationSeconds * 1000),
          createdById: actorId,
        },
        select: AUCTION_SELECT,
      });
      return { kind: "created", view: toAuctionView(row) };
    }),
  );
  switch (result.kind) {
    case "ended":
      throw new ApiError(409, "SHOW_ENDED", "This show has ended: start auctions while it is on.");
    case "notInShow":
      throw new ApiError(
        400,
        "PRODUCT_NOT_IN_SHOW",
        "Only a product on sale in this show can be auctioned.",
        { productId: "Not in this show." },
      );
    case "running":
      throw new ApiError(
        409,
        "AUCTION_RUNNING",
        "An auction is already running in this show: wait for it to end.",
      );
    case "outOfStock":
      throw new ApiError(409, "OUT_OF_STOCK", "This product has no stock left to auction.");
    case "created":
      log.info(
        { auctionId: result.view.id, roomId, productId: input.productId, endsAt: result.view.endsAt },
        "auction started",
      );
      notifyAuction(result.view);
      broadcastProduct(input.productId);
      return result.view;
  }
}
