"use client";
import { useEffect, useState } from "react";

/** The current time, re-rendering every `intervalMs` until `deadline` (epoch ms) has passed: for countdowns. */
export function useNow(deadline: number, intervalMs = 250): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!deadline) return;
    const tick = () => {
      const t = Date.now();
      setNow(t);
      if (t >= deadline) window.clearInterval(timer);
    };
    const first = window.setTimeout(tick, 0);
    const timer = window.setInterval(tick, intervalMs);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(timer);
    };
  }, [deadline, intervalMs]);
  return now;
}
