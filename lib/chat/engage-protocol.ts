/**
 * Client ↔ slave payloads of the engagement events (auction:bid, like:tap), on the chat connection.
 * Browser-safe; the auction rules themselves live in lib/auctions/auction-schemas.ts.
 */
import { z } from "zod";
import type { TAuctionView } from "@/lib/auctions/auction-schemas";
import type { TGiveawayView } from "@/lib/giveaways/giveaway-schemas";
import { ZRoomId, type TChatError } from "@/lib/chat/protocol";

/** Taps one `like:tap` may carry: a browser sends its taps at most twice a second (lib/chat/like-batcher.ts). */
export const LIKE_BATCH_MAX = 10;
/** `count` (added, default 1): taps since the client's last `like:tap`. */
export const ZLikeTap = z.object({
  roomId: ZRoomId,
  count: z.number().int().min(1).max(LIKE_BATCH_MAX).default(1),
});
export type TLikeTap = z.input<typeof ZLikeTap>;

/** `auction:bid` ack: the auction as this bid left it; BID_TOO_LOW/AUCTION_ENDED carry the current one. */
export type TBidAck =
  | { ok: true; auction: TAuctionView }
  | { ok: false; error: TChatError & { minBidMinor?: number; auction?: TAuctionView } };

/**
 * `giveaway:enter` ack: `entered` (true also for a second press: one entry per viewer). NOT_ELIGIBLE: a
 * CHATTERS giveaway and no chat message of theirs in this show; GIVEAWAY_ENDED carries the giveaway.
 */
export type TEnterAck =
  | { ok: true; entered: true; giveawayId: string }
  | { ok: false; error: TChatError & { giveaway?: TGiveawayView } };
