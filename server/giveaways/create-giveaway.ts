import { db } from "@/server/db";
import { ApiError } from "@/server/http/errors";
import { createLogger } from "@/server/log";
import type { TCreateGiveawayRequest, TGiveawayView } from "@/lib/giveaways/giveaway-schemas";
import { GIVEAWAY_SELECT, toGiveawayView } from "@/server/giveaways/giveaway-view";
import { notifyGiveaway } from "@/server/giveaways/notify-giveaway";
import { broadcastProduct } from "@/server/commerce/broadcast-product";
import { withBusyRetry } from "@/server/commerce/with-busy-retry";

const log = createLogger("giveaways");

type TCreate =
  { kind: "created"; view: TGiveawayView } | { kind: "ended" | "notInShow" | "running" | "outOfStock" };

/**
 * Starts a giveaway of one unit of a show's product. The unit leaves stock now (one conditional update), so
 * the winner's free order can always be filled; it goes back when nobody entered or an admin cancels.
 * One giveaway runs per show at a time: viewers follow one clock.
 */
export async function createGiveaway(
  actorId: string,
  roomId: string,
  input: TCreateGiveawayRequest,
  now = new Date(),
): Promise<TGiveawayView> {
  const result = await withBusyRetry("create giveaway", () =>
    db.$transaction(async (tx): Promise<TCreate> => {
      const room = await tx.room.findUniqueOrThrow({ where: { id: roomId }, select: { status: true } });
      if (room.status === "ENDED") return { kind: "ended" };
      const listing = await tx.roomProduct.findUnique({
        where: { roomId_productId: { roomId, productId: input.productId } },
        select: { product: { select: { archivedAt: true } } },
      });
      if (!listing || listing.product.archivedAt) return { kind: "notInShow" };
      if ((await tx.giveaway.count({ where: { roomId, status: "RUNNING" } })) > 0) return { kind: "running" };
      const taken = await tx.product.updateMany({
        where: { id: input.productId, archivedAt: null, stock: { gte: 1 } },
        data: { stock: { decrement: 1 } },
      });
      if (taken.count !== 1) return { kind: "outOfStock" };
      const row = await tx.giveaway.create({
        data: {
          roomId,
          productId: input.productId,
          entry: input.entry,
          endsAt: new Date(now.getTime() + input.durationSeconds * 1000),
          createdById: actorId,
        },
        select: GIVEAWAY_SELECT,
      });
      return { kind: "created", view: toGiveawayView(row) };
    }),
  );
  switch (result.kind) {
    case "ended":
      throw new ApiError(409, "SHOW_ENDED", "This show has ended: start giveaways while it is on.");
    case "notInShow":
      throw new ApiError(
        400,
        "PRODUCT_NOT_IN_SHOW",
        "Only a product on sale in this show can be given away.",
        {
          productId: "Not in this show.",
        },
      );
    case "running":
      throw new ApiError(
        409,
        "GIVEAWAY_RUNNING",
        "A giveaway is already running in this show: wait for it to end.",
      );
    case "outOfStock":
      throw new ApiError(409, "OUT_OF_STOCK", "This product has no stock left to give away.");
    case "created":
      log.info({ giveawayId: result.view.id, roomId, entry: input.entry }, "giveaway started");
      notifyGiveaway(result.view);
      broadcastProduct(input.productId);
      return result.view;
  }
}
