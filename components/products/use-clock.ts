"use client";
import { useSyncExternalStore } from "react";

function subscribe(onTick: () => void) {
  const timer = setInterval(onTick, 1000);
  return () => clearInterval(timer);
}
const nowSecond = () => Math.floor(Date.now() / 1000) * 1000;

/** The browser's clock to the second (epoch ms), ticking; null during the server render and hydration. */
export function useClock(): number | null {
  return useSyncExternalStore(subscribe, nowSecond, () => null);
}
