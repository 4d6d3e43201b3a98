/**
 * How a live room's state is ordered in the browser: a REST snapshot (first paint, after a reconnect) and
 * socket updates, merged so an answer that left the server before an update can never undo it. Pure: the
 * provider (components/live/live-room-provider.tsx) keeps one feed per slice.
 */
import type { TRoomStatus } from "@/lib/chat/protocol";
import type { TDealView as TStudioDeal } from "@/lib/commerce/show-schemas";
import type { TDealView, TProductUpdate } from "@/lib/commerce/product-update.types";
import type { TListedProduct } from "@/lib/commerce/live-product";

/**
 * A value fed by snapshots and updates. `seq` counts updates; a read remembers the `seq` it began at
 * (`beginRead`), and its answer is the snapshot with every update received since then applied on top.
 * Only while a read is in flight are updates logged.
 */
export type TFeed<S, U> = {
  value: S;
  seq: number;
  /** The `seq` the value's snapshot was read at: an answer to an older read is dropped. */
  readAt: number;
  reads: number[];
  log: { seq: number; update: U }[];
};

export const newFeed = <S, U>(value: S): TFeed<S, U> => ({ value, seq: 0, readAt: 0, reads: [], log: [] });

export function pushUpdate<S, U>(feed: TFeed<S, U>, update: U, apply: (s: S, u: U) => S): TFeed<S, U> {
  const seq = feed.seq + 1;
  return {
    ...feed,
    seq,
    value: apply(feed.value, update),
    log: feed.reads.length > 0 ? [...feed.log, { seq, update }] : feed.log,
  };
}

/** A read begins: returns the feed and the marker its answer (or failure) must be given back with. */
export function beginRead<S, U>(feed: TFeed<S, U>): [TFeed<S, U>, number] {
  return [{ ...feed, reads: [...feed.reads, feed.seq] }, feed.seq];
}

function endRead<S, U>(feed: TFeed<S, U>, marker: number, readAt: number): TFeed<S, U> {
  const i = feed.reads.indexOf(marker);
  const reads = i < 0 ? feed.reads : [...feed.reads.slice(0, i), ...feed.reads.slice(i + 1)];
  const keepFrom = reads.length > 0 ? Math.max(readAt, Math.min(...reads)) : Infinity;
  return { ...feed, reads, readAt, log: feed.log.filter((e) => e.seq > keepFrom) };
}

/** A read failed (offline): the value stays as the updates made it. */
export const failRead = <S, U>(feed: TFeed<S, U>, marker: number): TFeed<S, U> =>
  endRead(feed, marker, feed.readAt);

/** A read's answer: the snapshot, then the updates that arrived after the read began. */
export function applySnapshot<S, U>(
  feed: TFeed<S, U>,
  snapshot: S,
  marker: number,
  apply: (s: S, u: U) => S,
): TFeed<S, U> {
  if (marker < feed.readAt) return failRead(feed, marker);
  const value = feed.log.filter((e) => e.seq > marker).reduce((s, e) => apply(s, e.update), snapshot);
  return { ...endRead(feed, marker, marker), value };
}

// ---- The room's slices ----

const RANK: Record<TRoomStatus, number> = { SCHEDULED: 0, LIVE: 1, ENDED: 2 };
/** A show only moves forward (scheduled → live → ended): a late answer can never take it back. */
const laterStatus = (a: TRoomStatus, b: TRoomStatus): TRoomStatus => (RANK[b] > RANK[a] ? b : a);
export const isBehind = (a: TRoomStatus, b: TRoomStatus) => RANK[a] < RANK[b];

/** The show's media: `hlsUrl` undefined until a snapshot said it (room:state does not carry it). */
export type TRoomMedia = { status: TRoomStatus; hlsUrl?: string | null; startedAt: string | null };
/** A status pushed by room:state, with the playlist and start the chat tier sends beside it. */
export type TMediaUpdate = { status: TRoomStatus; hlsUrl?: string | null; startedAt?: string | null };

export function applyMediaUpdate(media: TRoomMedia, u: TMediaUpdate): TRoomMedia {
  const status = laterStatus(media.status, u.status);
  if (status === media.status) return media;
  // A later status comes with its playlist; without one (a node that does not send it) the next read fills it.
  return { status, hlsUrl: u.hlsUrl, startedAt: u.startedAt ?? media.startedAt };
}

/** A show's product as the room lists it (GET /api/rooms/:id), archived ones flagged. */
export type TRoomProduct = TListedProduct & { archived: boolean; deal: TDealView | null };
export type TCatalog = { products: TRoomProduct[]; pinnedProductId: string | null };
export type TCatalogUpdate =
  { type: "product"; update: TProductUpdate } | { type: "pin"; productId: string | null };

export function applyCatalogUpdate(catalog: TCatalog, u: TCatalogUpdate): TCatalog {
  if (u.type === "pin")
    return catalog.pinnedProductId === u.productId ? catalog : { ...catalog, pinnedProductId: u.productId };
  const { productId, stock, priceMinor, currency, deal, archived } = u.update;
  return {
    ...catalog,
    products: catalog.products.map((p) =>
      p.id === productId ? { ...p, stock, priceMinor, currency, deal: archived ? null : deal, archived } : p,
    ),
  };
}

/** The studio's running deals by product. */
export type TDeals = Record<string, TStudioDeal>;
export type TDealsUpdate =
  | { type: "product"; update: TProductUpdate; at: string }
  | { type: "set"; productId: string; deal: TStudioDeal | null };

export function applyDealsUpdate(deals: TDeals, u: TDealsUpdate): TDeals {
  const productId = u.type === "set" ? u.productId : u.update.productId;
  const next = { ...deals };
  if (u.type === "set") {
    if (u.deal) next[productId] = u.deal;
    else delete next[productId];
    return next;
  }
  const p = u.update;
  if (p.deal && !p.archived) {
    next[productId] = {
      roomId: p.roomId,
      productId,
      dealPriceMinor: p.deal.priceMinor,
      priceMinor: p.priceMinor,
      currency: p.currency,
      startedAt: deals[productId]?.startedAt ?? u.at,
      endsAt: p.deal.endsAt,
      limitPerBuyer: p.deal.limitPerBuyer,
    };
  } else delete next[productId];
  return next;
}
