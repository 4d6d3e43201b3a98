"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { CHAT_STATE_EVENT } from "@/components/chat/use-chat-room";
import type { TLiveItem } from "@/lib/engage/live-items";

/** Re-read the list at most this often while room:state keeps arriving (each (re)join sends one). */
const RESYNC_MS = 5000;
/** How one feature's updates arrive and order: the same for every room, so declare it once at module level. */
export type TLiveFeed<T extends TLiveItem> = {
  /** The window event use-chat-room dispatches for this feature's updates. */
  event: string;
  /** The update's view, or null when it is not one (checked with the feature's zod schema). */
  parse: (detail: unknown) => T | null;
  isNewer: (next: T, current: T | undefined) => boolean;
};

/** An update event's view: `schema` checks it, and the `<feature>Id` it carries is dropped (the view has `id`). */
export function viewOfUpdate<T extends TLiveItem>(
  schema: { safeParse: (detail: unknown) => { success: boolean } },
  idKey: string,
): (detail: unknown) => T | null {
  return (detail) => {
    if (!schema.safeParse(detail).success) return null;
    const { [idKey]: _id, ...view } = detail as Record<string, unknown>;
    return view as T;
  };
}

/**
 * A show's auctions or giveaways, live: read once, then kept by their update event from the page's chat
 * connection (window events from use-chat-room), re-read after every (re)join so nothing missed while
 * disconnected stays stale. Updates are merged by the feature's ordering rule (the one the slaves use), so
 * an old update can never overwrite a newer one.
 */
export function useRoomLiveList<T extends TLiveItem>(
  roomId: string,
  { event, parse, isNewer }: TLiveFeed<T>,
  /** Pass a stable function (useCallback). */
  load: () => Promise<T[]>,
) {
  const [items, setItems] = useState<Record<string, T>>({});
  const [loadError, setLoadError] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const lastSync = useRef(0);
  const merge = useCallback(
    (list: T[]) => {
      setItems((current) => {
        let next = current;
        for (const item of list) {
          if (!isNewer(item, next[item.id])) continue;
          if (next === current) next = { ...current };
          next[item.id] = item;
        }
        return next;
      });
    },
    [isNewer],
  );

  const resync = useCallback(async () => {
    lastSync.current = Date.now();
    try {
      merge(await load());
      setLoadError(false);
    } catch {
      setLoadError(true);
    } finally {
      setLoaded(true);
    }
  }, [load, merge]);

  useEffect(() => {
    // The first read, after the subscription below is in place (an update arriving meanwhile is merged by order).
    const first = window.setTimeout(() => void resync(), 0);
    const onUpdate = (e: Event) => {
      const item = parse((e as CustomEvent<unknown>).detail);
      if (item && item.roomId === roomId) merge([item]);
    };
    const onState = (e: Event) => {
      if ((e as CustomEvent<{ roomId: string }>).detail.roomId !== roomId) return;
      if (Date.now() - lastSync.current > RESYNC_MS) void resync();
    };
    window.addEventListener(event, onUpdate);
    window.addEventListener(CHAT_STATE_EVENT, onState);
    return () => {
      window.clearTimeout(first);
      window.removeEventListener(event, onUpdate);
      window.removeEventListener(CHAT_STATE_EVENT, onState);
    };
  }, [roomId, event, parse, resync, merge]);

  const list = Object.values(items).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return { items: list, loaded, loadError, resync, merge };
}
