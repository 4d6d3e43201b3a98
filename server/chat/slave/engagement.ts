import { isNewerAuction, type TAuctionView } from "@/lib/auctions/auction-schemas";
import type { TRoomEvent } from "@/lib/chat/room-events";
import { roomChannel, type TClientSocket, type TSlaveContext } from "@/server/chat/slave/context";
import { RateLimiter } from "@/server/chat/rate-limit";
import { onClientEvent } from "@/server/chat/slave/safe-handler";
import { handleAuctionBid } from "@/server/chat/slave/handle-auction-bid";
import { handleLikeTap } from "@/server/chat/slave/handle-like-tap";
import { handleGiveawayEnter } from "@/server/chat/slave/handle-giveaway-enter";
import { isNewerGiveaway, type TGiveawayView } from "@/lib/giveaways/giveaway-schemas";

/** How often a slave reports the heart taps it coalesced (and so the most a room's total moves per second: 4). */
export const LIKE_FLUSH_MS = 250;

/** Per-slave state of auctions and likes, kept beside the chat context rather than inside it. */
export type TEngagement = {
  /** The newest auction state this slave delivered, per auction: orders updates, pre-checks bids. */
  auctions: Map<string, TAuctionView>;
  /** A bidder may bid 5 times a second after a burst of 10: faster than a person taps, slower than a script. */
  bidLimiter: RateLimiter;
  /** 8 taps a second per user (burst 20) reach the total; more are dropped silently. */
  likeLimiter: RateLimiter;
  /** Taps per room since the last report to the master. */
  pendingLikes: Map<string, number>;
  /** The newest giveaway state this slave delivered, per giveaway (same ordering role as `auctions`). */
  giveaways: Map<string, TGiveawayView>;
  /** Giveaways that took entries here since the last report (giveawayId → roomId). */
  pendingEntries: Map<string, string>;
  /** Enter is pressed once; 5 presses then 1 a second per user is plenty for retries. */
  enterLimiter: RateLimiter;
  flush: NodeJS.Timeout;
};

const states = new WeakMap<TSlaveContext, TEngagement>();

export function engagement(ctx: TSlaveContext): TEngagement {
  let state = states.get(ctx);
  if (!state) {
    const created: TEngagement = {
      auctions: new Map(),
      bidLimiter: new RateLimiter(10, 5),
      likeLimiter: new RateLimiter(20, 8),
      pendingLikes: new Map(),
      giveaways: new Map(),
      pendingEntries: new Map(),
      enterLimiter: new RateLimiter(5, 1),
      flush: setInterval(() => flushLikes(ctx, created), LIKE_FLUSH_MS),
    };
    created.flush.unref();
    states.set(ctx, created);
    state = created;
  }
  return state;
}

/** The engagement events of one client socket (registered next to the chat events in create-slave.ts). */
export function registerEngagement(ctx: TSlaveContext, socket: TClientSocket): void {
  onClientEvent(ctx, socket, "auction:bid", (p, ack) => handleAuctionBid(ctx, socket, p, ack));
  onClientEvent(ctx, socket, "like:tap", (p) => handleLikeTap(ctx, socket, p));
  onClientEvent(ctx, socket, "giveaway:enter", (p, ack) => handleGiveawayEnter(ctx, socket, p, ack));
}

/**
 * An auction state for this slave's clients of the room. Two bids accepted on two slaves can reach a third
 * in either order through the master: only a newer state is delivered, so every viewer's last update is the
 * auction's latest.
 */
export function deliverAuction(ctx: TSlaveContext, view: TAuctionView): boolean {
  return deliverIfNewer(engagement(ctx).auctions, view, isNewerAuction, () =>
    ctx.io.to(roomChannel(view.roomId)).emit("auction:update", { ...view, auctionId: view.id }),
  );
}

/** A giveaway state for this slave's clients of the room, only when newer than the last one delivered. */
export function deliverGiveaway(ctx: TSlaveContext, view: TGiveawayView): boolean {
  return deliverIfNewer(engagement(ctx).giveaways, view, isNewerGiveaway, () =>
    ctx.io.to(roomChannel(view.roomId)).emit("giveaway:update", { ...view, giveawayId: view.id }),
  );
}

/** Remembers and sends `view` only when it is newer than the last one delivered for its id. */
function deliverIfNewer<V extends { id: string }>(
  delivered: Map<string, V>,
  view: V,
  isNewer: (next: V, current: V | undefined) => boolean,
  send: () => void,
): boolean {
  if (!isNewer(view, delivered.get(view.id))) return false;
  delivered.set(view.id, view);
  send();
  return true;
}

/** A room event from the master (another slave's bid, the web tier, the master's own clock and like totals). */
export function deliverRoomEvent(ctx: TSlaveContext, roomId: string, payload: TRoomEvent): void {
  switch (payload.event) {
    case "auction:update":
      if (payload.data.roomId === roomId) deliverAuction(ctx, payload.data);
      return;
    case "giveaway:update":
      if (payload.data.roomId === roomId) deliverGiveaway(ctx, payload.data);
      return;
    case "like:count":
      ctx.io.to(roomChannel(roomId)).emit("like:count", { roomId, total: payload.data.total });
      return;
  }
}

function flushLikes(ctx: TSlaveContext, state: TEngagement): void {
  if (state.pendingEntries.size > 0 && ctx.master.connected) {
    const entered = [...state.pendingEntries].map(([giveawayId, roomId]) => ({ giveawayId, roomId }));
    state.pendingEntries.clear();
    ctx.master.send({ type: "giveaways", entered });
  }
  if (state.pendingLikes.size === 0 || !ctx.master.connected) return;
  const taps = [...state.pendingLikes].map(([roomId, count]) => ({ roomId, count }));
  state.pendingLikes.clear();
  ctx.master.send({ type: "likes", taps });
}

/** Forgets limiter buckets of idle users (called with the chat limiter's sweep). */
export function sweepEngagement(ctx: TSlaveContext): void {
  const state = states.get(ctx);
  state?.bidLimiter.sweep();
  state?.likeLimiter.sweep();
  state?.enterLimiter.sweep();
}
