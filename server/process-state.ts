/**
 * State that belongs to the process, not to one copy of a module. Next.js bundles its route handlers
 * apart from the custom server (server/web/main.ts), so in the web process one module can be loaded twice;
 * a module-level Map would then be two Maps (two checkout queues splitting the group commit, counters
 * that /metrics never reads). Everything process-wide lives in this one registry, under one global key,
 * and each entry is named here, so the list of process-wide state is this type.
 */
type TName =
  | "database" // server/db.ts: the Prisma client and its raw handle
  | "metrics" // server/metrics/registry.ts
  | "room-cache" // server/rooms/room-cache.ts
  | "hls-viewers" // server/media/viewer-count.ts
  | "live-edges" // server/media/live-edges.ts
  | "live-ingests" // server/media/registry.ts
  | "product-broadcasts" // server/commerce/broadcast-product.ts
  | "commerce-notifier" // server/commerce/notify.ts
  | "reservation-queue" // server/commerce/checkout/reservation-queue-of.ts
  | "order-sweeper" // server/commerce/sweep-expired-orders.ts
  | "payment-provider" // server/payments/get-payment-provider.ts
  | "auth-limiters" // server/security/auth-throttle.ts
  | "sqlite-reader" // server/sqlite-reader.ts
  | "message-writer"; // server/chat/store-messages-sqlite.ts

const KEY = Symbol.for("onair.process-state");
const holder = globalThis as { [KEY]?: Map<TName, unknown> };
const registry = (holder[KEY] ??= new Map<TName, unknown>());

/** The process's one `name`, made by `create` the first time any copy of any module asks for it. */
export function processWide<T>(name: TName, create: () => T): T {
  if (!registry.has(name)) registry.set(name, create());
  return registry.get(name) as T;
}

/** Drops `name`, so the next processWide() makes it anew (tests that re-point the database or limits). */
export function forgetProcessWide(name: TName): void {
  registry.delete(name);
}

/** A replaceable process-wide value (a notifier, a provider, a timer): `current` is unset until set. */
export type TProcessSlot<T> = { current: T | undefined };
export const processSlot = <T>(name: TName): TProcessSlot<T> =>
  processWide<TProcessSlot<T>>(name, () => ({ current: undefined }));
