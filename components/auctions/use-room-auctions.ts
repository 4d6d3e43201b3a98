"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { AUCTION_UPDATE_EVENT, CHAT_STATE_EVENT } from "@/components/chat/use-chat-room";
import { isNewerAuction, ZAuctionUpdate, type TAuctionView } from "@/lib/auctions/auction-schemas";
import { listAuctions } from "@/lib/auctions/client";

/** Re-read the list at most this often while room:state keeps arriving (each (re)join sends one). */
const RESYNC_MS = 5000;
/** An ended auction stays on the viewer's panel this long ("Sold to Alex for ₩52,000"). */
export const SHOW_ENDED_FOR_MS = 120_000;

/**
 * A show's auctions, live: read once, then kept by `auction:update` from the page's chat connection (window
 * events from use-chat-room), re-read after every (re)join so nothing missed while disconnected stays stale.
 * Updates are merged by the same ordering rule the slaves use, so an old one can never overwrite a newer.
 */
export function useRoomAuctions(roomId: string) {
  const [auctions, setAuctions] = useState<Record<string, TAuctionView>>({});
  const [loadError, setLoadError] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const lastSync = useRef(0);

  const merge = useCallback((list: TAuctionView[]) => {
    setAuctions((current) => {
      let next = current;
      for (const a of list) {
        if (!isNewerAuction(a, next[a.id])) continue;
        if (next === current) next = { ...current };
        next[a.id] = a;
      }
      return next;
    });
  }, []);

  const resync = useCallback(async () => {
    lastSync.current = Date.now();
    try {
      merge((await listAuctions(roomId)).auctions);
      setLoadError(false);
    } catch {
      setLoadError(true);
    } finally {
      setLoaded(true);
    }
  }, [roomId, merge]);

  useEffect(() => {
    // The first read, after the subscription below is in place (an update arriving meanwhile is merged by order).
    const first = window.setTimeout(() => void resync(), 0);
    const onUpdate = (e: Event) => {
      const parsed = ZAuctionUpdate.safeParse((e as CustomEvent<unknown>).detail);
      if (!parsed.success || parsed.data.roomId !== roomId) return;
      const { auctionId: _id, ...view } = parsed.data as unknown as TAuctionView & { auctionId: string };
      merge([view]);
    };
    const onState = (e: Event) => {
      if ((e as CustomEvent<{ roomId: string }>).detail.roomId !== roomId) return;
      if (Date.now() - lastSync.current > RESYNC_MS) void resync();
    };
    window.addEventListener(AUCTION_UPDATE_EVENT, onUpdate);
    window.addEventListener(CHAT_STATE_EVENT, onState);
    return () => {
      window.clearTimeout(first);
      window.removeEventListener(AUCTION_UPDATE_EVENT, onUpdate);
      window.removeEventListener(CHAT_STATE_EVENT, onState);
    };
  }, [roomId, resync, merge]);

  const list = Object.values(auctions).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return { auctions: list, loaded, loadError, resync, merge };
}

/** The auction a viewer's panel shows: the running one, else the latest if it ended moments ago. */
export function currentAuction(list: TAuctionView[], now: number | null): TAuctionView | null {
  const running = list.find((a) => a.status === "RUNNING");
  if (running) return running;
  const latest = list[0];
  if (!latest || now === null) return null;
  return now - Date.parse(latest.endedAt ?? latest.endsAt) < SHOW_ENDED_FOR_MS ? latest : null;
}
