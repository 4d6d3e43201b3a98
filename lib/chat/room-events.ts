/**
 * Room-wide events of the engagement features (auctions, likes, giveaways). Like notices and product
 * updates they cross every chat group: the master forwards them to every slave holding the room, separated
 * or not. Types only.
 */
import type { TAuctionUpdate } from "@/lib/auctions/auction-schemas";
import type { TGiveawayUpdate } from "@/lib/giveaways/giveaway-schemas";

/** Slave → client `like:count`: the room's total taps, coalesced (a few per second at most). */
export type TLikeCount = { roomId: string; total: number };

export type TRoomEvent =
  | { event: "auction:update"; data: TAuctionUpdate }
  | { event: "like:count"; data: TLikeCount }
  | { event: "giveaway:update"; data: TGiveawayUpdate };
