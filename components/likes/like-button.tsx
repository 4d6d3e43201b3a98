"use client";
import { useCallback, useRef, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useLiveRoom } from "@/components/live/live-room-provider";
import { useLikeTotal } from "@/components/likes/use-like-total";

type THeart = { id: number; drift: number; hue: number };

/** Hearts on screen at once: a storm of taps stays a handful of elements. */
const MAX_HEARTS = 24;
/** Other viewers' taps since the last count float up as at most this many hearts per update. */
const MAX_PER_UPDATE = 6;
const HEART_MS = 1600;

/**
 * The heart button over the video: every tap floats a heart and goes to the server as `like:tap` (coalesced
 * and rate-limited there); other viewers' taps float up as the room's total rises. Enter and Space tap too.
 * The total is read out with the button's name; the hearts are decoration (hidden from assistive tech,
 * and still for people who asked for reduced motion).
 */
export function LikeButton({ initialTotal }: { initialTotal: number }) {
  const t = useTranslations("likes");
  const locale = useLocale();
  const [hearts, setHearts] = useState<THeart[]>([]);
  const nextId = useRef(0);
  const own = useRef(0);

  const float = useCallback((count: number) => {
    const added: THeart[] = [];
    for (let i = 0; i < count; i++)
      added.push({
        id: nextId.current++,
        drift: Math.round(Math.random() * 60 - 30),
        hue: Math.round(Math.random() * 40),
      });
    setHearts((list) => [...list, ...added].slice(-MAX_HEARTS));
    const ids = new Set(added.map((h) => h.id));
    window.setTimeout(() => setHearts((list) => list.filter((h) => !ids.has(h.id))), HEART_MS);
  }, []);

  const onRise = useCallback(
    (delta: number) => {
      // Our own taps are already floating: only the rest of the room's rise is new.
      const others = Math.max(0, delta - own.current);
      own.current = Math.max(0, own.current - delta);
      // Totals arrive twice a second: spread the others' hearts over that half second instead of a clump.
      const n = Math.min(MAX_PER_UPDATE, others);
      for (let i = 0; i < n; i++) window.setTimeout(() => float(1), (i * 500) / n);
    },
    [float],
  );
  const total = useLikeTotal(initialTotal, onRise);
  const room = useLiveRoom();
  const [pending, setPending] = useState(0);
  const shown = total + pending;

  function tap() {
    room.tapLike();
    own.current += 1;
    setPending((n) => n + 1);
    // The server's total catches up within ~1.25 s (our batch, the slave's flush, the room's next total).
    window.setTimeout(() => setPending((n) => Math.max(0, n - 1)), 1500);
    float(1);
  }

  const formatted = new Intl.NumberFormat(locale, {
    notation: shown >= 10_000 ? "compact" : "standard",
  }).format(shown);
  return (
    <div className="pointer-events-none absolute right-3 bottom-20 z-20 flex flex-col items-center sm:bottom-24">
      <div aria-hidden="true" className="relative h-0 w-10">
        {hearts.map((h) => (
          <span
            key={h.id}
            className="absolute bottom-0 left-1/2 -ml-3 text-2xl motion-reduce:hidden"
            style={{
              animation: `onair-heart-float ${HEART_MS}ms ease-out forwards`,
              ["--drift" as string]: `${h.drift}px`,
              filter: `hue-rotate(${h.hue}deg)`,
            }}
          >
            ❤️
          </span>
        ))}
      </div>
      <button
        type="button"
        onClick={tap}
        aria-label={t("tap", { count: shown })}
        data-testid="like-button"
        data-total={shown}
        className="pointer-events-auto flex flex-col items-center gap-0.5 rounded-full bg-black/55 px-3 py-2 text-white backdrop-blur transition-transform hover:bg-black/70 active:scale-90"
      >
        <span aria-hidden="true" className="text-2xl leading-none">
          ❤️
        </span>
        <span aria-hidden="true" className="text-xs font-bold tabular-nums" data-testid="like-total">
          {formatted}
        </span>
      </button>
    </div>
  );
}
