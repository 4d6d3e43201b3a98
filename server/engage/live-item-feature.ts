import type { Prisma } from "@prisma/client";
import type { TLiveItemKind } from "@/lib/engage/live-items";
import type { TRoomEvent } from "@/lib/chat/room-events";
import { broadcastRoomEvent } from "@/server/chat/control-client";
import { createLogger, type Logger } from "@/server/log";

/** The update that ends a running item (finish-live-item.ts). */
type TEndUpdate = {
  where: { id: string; status: "RUNNING"; endsAt: { lte: Date } | { gt: Date } };
  data: { status: "ENDED" | "CANCELLED"; endedAt: Date; cancelReason?: string };
};

/**
 * What the shared steps (start, finish, cancel) ask of a feature's table; Prisma's Auction and Giveaway
 * tables both answer it.
 */
type TLiveItemTable = {
  count(args: { where: { roomId: string; status: "RUNNING"; endsAt?: { lte: Date } } }): PromiseLike<number>;
  findFirst(args: {
    where: { id: string; roomId: string };
    select: { id: true };
  }): PromiseLike<{ id: string } | null>;
  findMany(args: {
    where: { status: "RUNNING"; endsAt: { lte: Date } };
    select: { id: true };
    take: number;
  }): PromiseLike<{ id: string }[]>;
  updateMany(args: TEndUpdate): PromiseLike<{ count: number }>;
};

/** A live item feature (auctions, giveaways) as the shared steps know it, said once per feature. */
export type TLiveItemFeature<V extends { roomId: string }> = {
  noun: TLiveItemKind;
  /** Its table, on the database or in a transaction. */
  table: (client: Prisma.TransactionClient) => TLiveItemTable;
  /** Where the steps log what they did (`<noun> started`, `<noun> finished`): the `<noun>s` component. */
  log: Logger;
  /** The room event that carries a view to the viewers (`<noun>:update`). */
  update: (view: V) => Extract<TRoomEvent, { event: `${TLiveItemKind}:update` }>;
};

/** A feature's definition, with its logger. */
export function liveItemFeature<V extends { roomId: string }, K extends TLiveItemKind>(
  feature: Omit<TLiveItemFeature<V>, "log"> & { noun: K },
): TLiveItemFeature<V> & { noun: K } {
  return { ...feature, log: createLogger(`${feature.noun}s`) };
}

/**
 * Tells every viewer of the room on every slave (through the master, like product:update, separated or not).
 * Never throws: the database is the record, and viewers re-read the list after every (re)join.
 */
export function notifyRoom<V extends { roomId: string }>(feature: TLiveItemFeature<V>, view: V): void {
  void broadcastRoomEvent(view.roomId, feature.update(view));
}
