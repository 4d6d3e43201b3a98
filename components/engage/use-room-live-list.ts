"use client";
import { useCallback, useEffect, useState } from "react";
import type { TLiveItem, TLiveItemKind } from "@/lib/engage/live-items";
import type { LiveRoomStore } from "@/components/live/live-room-store";
import { useLiveRoom, useRoomSlice } from "@/components/live/live-room-provider";

/** How one feature's updates arrive and order: the same for every room, so declare it once at module level. */
type TLiveFeed<T extends TLiveItem> = {
  /** Hears this feature's updates on the room's connection; returns the unsubscribe. */
  listen: (store: LiveRoomStore, onUpdate: (detail: unknown) => void) => () => void;
  /** The update's view, or null when it is not one (checked with the feature's zod schema). */
  parse: (detail: unknown) => T | null;
  isNewer: (next: T, current: T | undefined) => boolean;
};

/**
 * A feature's feed: its `<kind>:update` events on the room's connection, each checked with `schema` and its
 * `<kind>Id` dropped (the view has `id`), ordered by `isNewer`.
 */
export function liveFeed<T extends TLiveItem>(
  kind: TLiveItemKind,
  schema: { safeParse: (detail: unknown) => { success: boolean } },
  isNewer: TLiveFeed<T>["isNewer"],
): TLiveFeed<T> {
  return {
    listen: (store, onUpdate) => store.onLiveItem(kind, onUpdate),
    parse: (detail) => {
      if (!schema.safeParse(detail).success) return null;
      const { [`${kind}Id`]: _id, ...view } = detail as Record<string, unknown>;
      return view as T;
    },
    isNewer,
  };
}

/**
 * A show's auctions or giveaways, live: read once, then kept by their updates on the page's LiveRoomProvider
 * connection, re-read after every (re)join so nothing missed while disconnected stays stale. Updates are merged by the feature's ordering rule (the one the slaves use), so
 * an old update can never overwrite a newer one.
 */
export function useRoomLiveList<T extends TLiveItem>(
  roomId: string,
  { listen, parse, isNewer }: TLiveFeed<T>,
  /** Pass a stable function (useCallback). */
  load: () => Promise<T[]>,
) {
  const [items, setItems] = useState<Record<string, T>>({});
  const [loadError, setLoadError] = useState(false);
  const [loaded, setLoaded] = useState(false);
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
    try {
      merge(await load());
      setLoadError(false);
    } catch {
      setLoadError(true);
    } finally {
      setLoaded(true);
    }
  }, [load, merge]);

  const store = useLiveRoom();
  useEffect(
    () =>
      listen(store, (detail) => {
        const item = parse(detail);
        if (item && item.roomId === roomId) merge([item]);
      }),
    [store, roomId, listen, parse, merge],
  );
  // The first read once the listener above is in place (an update arriving meanwhile is merged by order),
  // and one after every join.
  const joins = useRoomSlice((s) => s.joins);
  useEffect(() => {
    const read = window.setTimeout(() => void resync(), 0);
    return () => window.clearTimeout(read);
  }, [joins, resync]);

  const list = Object.values(items).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return { items: list, loaded, loadError, resync, merge };
}
