/** What every live-item read (auction, giveaway) selects besides the feature's own fields. */
export const LIVE_ITEM_SELECT = {
  id: true,
  roomId: true,
  productId: true,
  status: true,
  endsAt: true,
  endedAt: true,
  orderId: true,
  cancelReason: true,
  createdAt: true,
  product: { select: { name: true } },
} as const;

type TLiveItemRow<S> = {
  id: string;
  roomId: string;
  productId: string;
  status: S;
  endsAt: Date;
  endedAt: Date | null;
  orderId: string | null;
  cancelReason: string | null;
  createdAt: Date;
  product: { name: string };
};

/** The view fields every live item has, from a row read with LIVE_ITEM_SELECT (times as ISO strings). */
export function liveItemFields<S>(row: TLiveItemRow<S>) {
  return {
    id: row.id,
    roomId: row.roomId,
    productId: row.productId,
    productName: row.product.name,
    status: row.status,
    endsAt: row.endsAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    orderId: row.orderId,
    cancelReason: row.cancelReason,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A show's items, newest first, at most 50: what a show's list reads. */
export const newestInShow = (roomId: string) => ({
  where: { roomId },
  orderBy: { createdAt: "desc" as const },
  take: 50,
});
