import type { TProductUpdate } from "@/lib/commerce/product-update.types";
import { createLogger } from "@/server/log";
import { chatTierNotifier } from "@/server/commerce/chat-tier-notifier";
import { roomChanged } from "@/server/rooms/room-cache";
import { processSlot } from "@/server/process-state";

const log = createLogger("commerce:notify");

/**
 * How commerce tells viewers about changes. By default it goes straight to the chat master through the
 * control client (which works from any process: CHAT_MASTER_URL, INTERNAL_SECRET), so Next.js route
 * bundles need no start-up wiring. Implementations may be async; failures are logged and never reach the
 * buyer (the database is the truth, a missed broadcast is repaired by the next one or a page refresh).
 */
export type TCommerceNotifier = {
  /** `product:update` to every viewer of the room, on every slave. */
  productUpdate: (update: TProductUpdate) => unknown;
  /** The room's `room:state` changed (today: the pinned product). */
  roomState: (roomId: string, change: { pinnedProductId: string | null }) => unknown;
  /** A `system` chat message to the whole room, e.g. "Someone just bought Linen Summer Shirt". */
  systemMessage: (roomId: string, text: string) => unknown;
  /** Viewers of the room across all slaves, when the chat tier knows; null when unknown. */
  viewers?: (roomId: string) => Promise<number | null>;
};

const loggingNotifier: TCommerceNotifier = {
  productUpdate: (update) => log.debug({ update }, "product:update (no chat tier wired)"),
  roomState: (roomId, change) => log.debug({ roomId, change }, "room:state (no chat tier wired)"),
  systemMessage: (roomId, text) => log.debug({ roomId, text }, "system message (no chat tier wired)"),
};

// Process-wide: Next.js bundles route handlers separately from server/web/main.ts, so a module-level
// variable set elsewhere would not be seen by the routes.
const slot = processSlot<TCommerceNotifier>("commerce-notifier");

/**
 * Replaces the broadcaster (tests, tools); null restores the default. Under vitest the default only logs,
 * so unit tests never reach a chat master by accident: integration tests install `chatTierNotifier`.
 */
export function setCommerceNotifier(notifier: TCommerceNotifier | null): void {
  slot.current = notifier ?? undefined;
}

function current(): TCommerceNotifier {
  return slot.current ?? (process.env.VITEST ? loggingNotifier : chatTierNotifier);
}

function safely(what: string, call: () => unknown): void {
  try {
    const result = call();
    if (result instanceof Promise)
      result.catch((err: unknown) => log.warn({ err, what }, "broadcast failed"));
  } catch (err) {
    log.warn({ err, what }, "broadcast failed");
  }
}

export function notifyProductUpdate(update: TProductUpdate): void {
  // Whatever notifier is installed, this process's cached room JSON must not outlive the change.
  roomChanged(update.roomId);
  safely("product:update", () => current().productUpdate(update));
}

export function notifyPinnedProduct(roomId: string, pinnedProductId: string | null): void {
  roomChanged(roomId);
  safely("room:state", () => current().roomState(roomId, { pinnedProductId }));
}

/** The seller's optional "someone just bought <product>" announcement. */
export function announcePurchase(roomId: string, productName: string): void {
  safely("system message", () => current().systemMessage(roomId, `Someone just bought ${productName}`));
}

/** Live viewers of a room from the chat tier, or null when it cannot tell. */
export async function roomViewers(roomId: string): Promise<number | null> {
  const viewers = current().viewers;
  if (!viewers) return null;
  try {
    return await viewers(roomId);
  } catch (err) {
    log.warn({ err, roomId }, "viewer count failed");
    return null;
  }
}
