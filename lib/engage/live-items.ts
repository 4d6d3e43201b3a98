/** What the engagement lists (auctions, giveaways) have in common, and which one a viewer's card shows. */
import { z } from "zod";

/** An ended auction or giveaway stays on the viewer's card this long ("Sold to Alex", "Mina won!"). */
export const SHOW_ENDED_FOR_MS = 120_000;

/** The features whose items run on a show's clock; each words itself in its message namespace `<kind>s`. */
export type TLiveItemKind = "auction" | "giveaway";

export const LIVE_ITEM_STATUSES = ["RUNNING", "ENDED", "CANCELLED"] as const;

export type TLiveItem = {
  id: string;
  roomId: string;
  status: (typeof LIVE_ITEM_STATUSES)[number];
  endsAt: string;
  endedAt: string | null;
  createdAt: string;
};

/** What every live item's view says besides the feature's own fields (server: liveItemFields). */
export type TLiveItemView = TLiveItem & {
  productId: string;
  productName: string;
  /** The winner's order once it ended with one. */
  orderId: string | null;
  cancelReason: string | null;
};

/** The running one, else the latest (list newest first) if it ended less than SHOW_ENDED_FOR_MS ago. */
export function currentItem<T extends TLiveItem>(list: T[], now: number | null): T | null {
  const running = list.find((a) => a.status === "RUNNING");
  if (running) return running;
  const latest = list[0];
  if (!latest || now === null) return null;
  return now - Date.parse(latest.endedAt ?? latest.endsAt) < SHOW_ENDED_FOR_MS ? latest : null;
}

/** An auction's or giveaway's id as a client names it in a socket event (`auction:bid`, `giveaway:enter`). */
export const ZLiveItemId = (noun: TLiveItemKind) =>
  z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, noun === "auction" ? "not an auction id" : "not a giveaway id");

/** What a browser checks of every live item's update before merging it; each feature adds its own fields. */
export const ZLiveItemUpdate = z.looseObject({
  roomId: z.string(),
  status: z.enum(LIVE_ITEM_STATUSES),
  endsAt: z.string(),
});

export const MAX_CANCEL_REASON = 300;

/** `POST /api/rooms/:id/{auctions,giveaways}/:itemId/cancel` (ADMIN): the reason goes to the audit log. */
export const ZCancelLiveItemRequest = z.strictObject({
  reason: z
    .string({ error: "Give a reason." })
    .trim()
    .min(3, "Give a reason (at least 3 characters).")
    .max(MAX_CANCEL_REASON),
});

/**
 * Updates can reach a viewer out of order (two slaves relay through the master in arrival order, the end
 * comes from whoever settled it). The progress count (accepted bids, entrants) only grows and an ended or
 * cancelled item never changes again, so (progress, finished) orders them. `progress` names the item's count
 * (an auction's `bidCount`, a giveaway's `entrants`).
 */
export function newerByProgress<K extends string>(progress: K) {
  type TProgress = Pick<TLiveItem, "status"> & Record<K, number>;
  return (next: TProgress, current: TProgress | undefined): boolean => {
    if (!current) return true;
    if (current.status !== "RUNNING") return false;
    if (next.status !== "RUNNING") return true;
    return next[progress] > current[progress];
  };
}
