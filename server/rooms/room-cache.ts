import { createHash } from "node:crypto";
import { env } from "@/server/env";
import { processWide } from "@/server/process-state";

/**
 * The per-process memory of what every arrival asks for: the public room JSON and the room list. 10,000 arrivals in 30 s are
 * ~333 requests/s for one room: from memory they cost a Map lookup, from the database one query each.
 *
 * Freshness: every change that reaches viewers already passes `refreshRoom`/`product:update` (the chat
 * master's control channel); those call `roomChanged` here, and the master fans the same change out to
 * every web process (server/rooms/room-events-link.ts). The TTL is only a safety net for a write that
 * announced nothing: short (1 s) while the link to the master is down, `ROOM_CACHE_TTL_MS` otherwise.
 *
 * Process-wide (server/process-state.ts): Next.js bundles the route handlers apart from server/web/main.ts,
 * so the module is loaded twice in one process; both copies must share one cache.
 */
export type TCached = {
  value: unknown;
  body: string;
  etag: string;
  roomIds: string[];
  storedAt: number;
  expiresAt: number;
};

type TState = {
  entries: Map<string, TCached>;
  inflight: Map<string, Promise<TCached | null>>;
  /** Bumped on every change: a load that started before a change must not be stored after it. */
  epoch: number;
  linkUp: boolean;
  listeners: Set<(roomId: string | null) => void>;
};

const state: TState = processWide<TState>("room-cache", () => ({
  entries: new Map(),
  inflight: new Map(),
  epoch: 0,
  linkUp: false,
  listeners: new Set(),
}));

/** Without the master link a missed change must not live longer than this (the "ended within 1 s" promise). */
export const DOWN_TTL_MS = 1000;
const MAX_ENTRIES = 5000;

function ttlMs(): number {
  return state.linkUp ? env().ROOM_CACHE_TTL_MS : DOWN_TTL_MS;
}

/** A weak validator of the exact bytes: two processes holding the same room answer the same ETag. */
export function etagOf(body: string): string {
  return `W/"${createHash("sha1").update(body).digest("base64url").slice(0, 22)}"`;
}

/**
 * The cached JSON under `key`, loading it once however many requests wait (single flight). `load` returns
 * the value, the room ids it depends on, and optionally when it goes stale by itself (a deal's end), or
 * null for "no such thing" (not cached, so a show created a moment later is found).
 */
/** The cache keys of one room's JSON (by id or slug, as asked) and of the room list. */
export const roomKey = (idOrSlug: string) => `room:${idOrSlug}`;
export const ROOM_LIST_KEY = "rooms";

/** The entry under `key` while it is fresh, else undefined: the web server's answer without Next.js. */
export function freshEntry(key: string, now = Date.now()): TCached | undefined {
  const hit = state.entries.get(key);
  return hit && hit.expiresAt > now && hit.storedAt > Math.max(now - ttlMs(), 0) ? hit : undefined;
}

export async function cachedJson(
  key: string,
  load: () => Promise<{ value: unknown; roomIds: string[]; staleAt?: number | null } | null>,
): Promise<TCached | null> {
  const hit = freshEntry(key);
  if (hit) return hit;
  const running = state.inflight.get(key);
  if (running) return running;
  const epoch = state.epoch;
  const promise = load()
    .then((loaded) => {
      if (!loaded) return null;
      const body = JSON.stringify(loaded.value);
      const storedAt = Date.now();
      const entry: TCached = {
        value: loaded.value,
        body,
        etag: etagOf(body),
        roomIds: loaded.roomIds,
        storedAt,
        expiresAt: loaded.staleAt ?? Number.POSITIVE_INFINITY,
      };
      if (state.epoch === epoch) {
        if (state.entries.size >= MAX_ENTRIES) state.entries.clear();
        state.entries.set(key, entry);
      }
      return entry;
    })
    .finally(() => state.inflight.delete(key));
  state.inflight.set(key, promise);
  return promise;
}

/** A room changed (null: possibly every room): drop what depends on it, now, in this process. */
export function roomChanged(roomId: string | null): void {
  state.epoch++;
  if (roomId === null) {
    state.entries.clear();
  } else {
    for (const [key, entry] of state.entries) {
      if (entry.roomIds.includes(roomId) || entry.roomIds.includes("*")) state.entries.delete(key);
    }
  }
  for (const listener of state.listeners) listener(roomId);
}

/** The master link's state: while it is down, entries live at most DOWN_TTL_MS. */
export function setLinkUp(up: boolean): void {
  state.linkUp = up;
}

export function linkIsUp(): boolean {
  return state.linkUp;
}

/** Called on every change (tests, the page cache handler). Returns the unsubscribe. */
export function onRoomChanged(listener: (roomId: string | null) => void): () => void {
  state.listeners.add(listener);
  return () => state.listeners.delete(listener);
}
