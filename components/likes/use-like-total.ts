"use client";
import { useEffect, useRef } from "react";
import { useRoomSlice } from "@/components/live/live-room-provider";

/**
 * The room's heart total, live from `like:count` on the page's LiveRoomProvider, starting at the stored
 * total. `onRise` hears by how much it rose, for floating hearts of other viewers' taps.
 */
export function useLikeTotal(initial: number, onRise?: (delta: number) => void): number {
  const pushed = useRoomSlice((s) => s.likes);
  const total = Math.max(initial, pushed ?? 0);
  const last = useRef(total);
  const rise = useRef(onRise);
  useEffect(() => {
    rise.current = onRise;
  }, [onRise]);
  useEffect(() => {
    if (total <= last.current) return;
    const delta = total - last.current;
    last.current = total;
    rise.current?.(delta);
  }, [total]);
  return total;
}
