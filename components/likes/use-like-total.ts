"use client";
import { useEffect, useRef, useState } from "react";
import { LIKE_COUNT_EVENT } from "@/components/chat/use-chat-room";
import type { TLikeCount } from "@/lib/chat/room-events";

/**
 * The room's heart total, live from `like:count` (the page's chat connection re-dispatches it), starting at
 * the stored total. `onRise` hears by how much it rose, for floating hearts of other viewers' taps.
 */
export function useLikeTotal(roomId: string, initial: number, onRise?: (delta: number) => void): number {
  const [total, setTotal] = useState(initial);
  const last = useRef(initial);
  const rise = useRef(onRise);
  useEffect(() => {
    rise.current = onRise;
  }, [onRise]);
  useEffect(() => {
    const onCount = (e: Event) => {
      const count = (e as CustomEvent<TLikeCount>).detail;
      if (count.roomId !== roomId || typeof count.total !== "number" || count.total <= last.current) return;
      const delta = count.total - last.current;
      last.current = count.total;
      setTotal(count.total);
      rise.current?.(delta);
    };
    window.addEventListener(LIKE_COUNT_EVENT, onCount);
    return () => window.removeEventListener(LIKE_COUNT_EVENT, onCount);
  }, [roomId]);
  return total;
}
