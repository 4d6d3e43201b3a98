"use client";
import { useEffect, useState } from "react";

function format(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const hh = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, "0");
  const ss = String(s % 60).padStart(2, "0");
  return hh > 0 ? `${hh}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** Time on air since `since`, ticking every second. */
export function ElapsedTime({ since, label }: { since: string; label: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return (
    <span
      className="font-mono text-lg font-bold text-zinc-950 tabular-nums"
      aria-label={label}
      data-testid="elapsed"
    >
      {/* The server renders the clock a moment before the browser hydrates it: a different second is
          expected, and without this React throws away the server's HTML and renders the page again. */}
      <time dateTime={`PT${Math.floor((now - Date.parse(since)) / 1000)}S`} suppressHydrationWarning>
        {format(now - Date.parse(since))}
      </time>
    </span>
  );
}
