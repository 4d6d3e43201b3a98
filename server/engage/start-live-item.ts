import type { Prisma } from "@prisma/client";
import { db } from "@/server/db";
import { ApiError } from "@/server/http/errors";
import { withBusyRetry } from "@/server/commerce/with-busy-retry";
import { broadcastProduct } from "@/server/commerce/broadcast-product";
import { notifyRoom, type TLiveItemFeature } from "@/server/engage/live-item-feature";

type TTx = Prisma.TransactionClient;
type TNewLiveItem = { roomId: string; productId: string; endsAt: Date; createdById: string };
type TRefusal = "ended" | "notInShow" | "running" | "outOfStock";

/**
 * How a feature words its refusals to start ("start auctions while it is on", "can be given away"); the one
 * for a running item is answered as `<NOUN>_RUNNING`.
 */
export type TStartRefusals = Record<TRefusal, string>;

/**
 * Starts a live item (auction, giveaway) of one unit of a show's product, in one transaction: the show is not
 * over, the product is on sale in it, none of the feature's items runs there (viewers follow one clock), and
 * the unit leaves stock now (one conditional update), so the winner can always be given it. `create` writes
 * the item from the fields every live item has (its show, product, end of clock and who started it) and the
 * product's currency. Throws the feature's worded ApiError for each refusal. Once started, logs it, tells the
 * room (the feature's `notify`) and everyone the product's stock went down.
 */
export async function startLiveItem<V extends { roomId: string }>(
  feature: TLiveItemFeature<V>,
  opts: {
    actorId: string;
    roomId: string;
    input: { productId: string; durationSeconds: number };
    now: Date;
    create: (tx: TTx, item: TNewLiveItem, currency: string) => Promise<V>;
    refusals: TStartRefusals;
    /** What the start's log line records of it. */
    logged: (view: V) => Record<string, unknown>;
  },
): Promise<V> {
  const { roomId } = opts;
  const { productId, durationSeconds } = opts.input;
  const result = await withBusyRetry(`create ${feature.noun}`, () =>
    db.$transaction(async (tx): Promise<{ kind: "created"; view: V } | { kind: TRefusal }> => {
      const room = await tx.room.findUniqueOrThrow({ where: { id: roomId }, select: { status: true } });
      if (room.status === "ENDED") return { kind: "ended" };
      const listing = await tx.roomProduct.findUnique({
        where: { roomId_productId: { roomId, productId } },
        select: { product: { select: { archivedAt: true, currency: true } } },
      });
      if (!listing || listing.product.archivedAt) return { kind: "notInShow" };
      const running = await feature.table(tx).count({ where: { roomId, status: "RUNNING" } });
      if (running > 0) return { kind: "running" };
      const taken = await tx.product.updateMany({
        where: { id: productId, archivedAt: null, stock: { gte: 1 } },
        data: { stock: { decrement: 1 } },
      });
      if (taken.count !== 1) return { kind: "outOfStock" };
      const endsAt = new Date(opts.now.getTime() + durationSeconds * 1000);
      const item = { roomId, productId, endsAt, createdById: opts.actorId };
      return { kind: "created", view: await opts.create(tx, item, listing.product.currency) };
    }),
  );
  const words = opts.refusals;
  switch (result.kind) {
    case "ended":
      throw new ApiError(409, "SHOW_ENDED", words.ended);
    case "notInShow":
      throw new ApiError(400, "PRODUCT_NOT_IN_SHOW", words.notInShow, { productId: "Not in this show." });
    case "running":
      throw new ApiError(409, `${feature.noun.toUpperCase()}_RUNNING`, words.running);
    case "outOfStock":
      throw new ApiError(409, "OUT_OF_STOCK", words.outOfStock);
    case "created":
      feature.log.info(opts.logged(result.view), `${feature.noun} started`);
      notifyRoom(feature, result.view);
      broadcastProduct(productId);
      return result.view;
  }
}
