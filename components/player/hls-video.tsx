"use client";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { attachHls, type TAttached, type TPlaybackState } from "@/lib/media/hls-attach";
import { LIVE_VIDEO_ID } from "@/lib/media/hls-live-config";

/** Behind the live edge by more than this, offer "Back to live". */
const BEHIND_LIVE_S = 4;

/**
 * A `<video>` playing an HLS playlist, muted autoplay with a visible Unmute button. Live: LIVE badge,
 * "Back to live" when behind, a reconnecting spinner while the stream stalls (it recovers by itself).
 */
export function HlsVideo({
  src,
  live,
  onTick,
  children,
}: {
  src: string;
  live: boolean;
  onTick?: (video: HTMLVideoElement, attached: TAttached) => void;
  children?: ReactNode;
}) {
  const t = useTranslations("player");
  const video = useRef<HTMLVideoElement>(null);
  const attached = useRef<TAttached | null>(null);
  const [state, setState] = useState<TPlaybackState>("loading");
  const [muted, setMuted] = useState(true);
  const [behind, setBehind] = useState(false);
  const tickRef = useRef(onTick);
  useEffect(() => {
    tickRef.current = onTick;
  }, [onTick]);

  useEffect(() => {
    const el = video.current;
    if (!el) return;
    let cancelled = false;
    attached.current = attachHls(el, src, live, (s) => !cancelled && setState(s));
    const timer = window.setInterval(() => {
      const a = attached.current;
      if (!a) return;
      const lag = a.behindLive();
      setBehind(live && lag !== null && lag > BEHIND_LIVE_S);
      tickRef.current?.(el, a);
    }, 250);
    return () => {
      cancelled = true;
      window.clearInterval(timer);
      attached.current?.destroy();
      attached.current = null;
    };
  }, [src, live]);

  return (
    <div className="relative size-full bg-black" data-playback={state}>
      <video
        ref={video}
        id={live ? LIVE_VIDEO_ID : undefined}
        data-testid="show-video"
        className="size-full object-contain"
        playsInline
        autoPlay
        muted={muted}
        controls={!live}
        onVolumeChange={(e) => setMuted(e.currentTarget.muted)}
      />
      {live && (
        <span className="bg-live absolute top-3 left-3 z-10 inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-bold tracking-wide text-white uppercase">
          <span aria-hidden="true" className="size-1.5 animate-pulse rounded-full bg-white" />
          {t("live")}
        </span>
      )}
      {state !== "playing" && (
        <div
          role="status"
          className="pointer-events-none absolute inset-0 z-10 grid place-items-center bg-black/40"
        >
          <div className="flex flex-col items-center gap-2 text-white">
            <span
              aria-hidden="true"
              className="size-10 animate-spin rounded-full border-4 border-white/20 border-t-white"
            />
            <p className="text-sm font-bold">{state === "reconnecting" ? t("reconnecting") : t("loading")}</p>
          </div>
        </div>
      )}
      {/* Replays show native controls along the bottom edge: keep our buttons clear of them. */}
      <div className={`absolute right-3 z-20 flex gap-2 ${live ? "bottom-3" : "top-3"}`}>
        {behind && (
          <button
            type="button"
            onClick={() => attached.current?.backToLive()}
            className="rounded-full bg-white/90 px-3 py-1.5 text-sm font-bold text-zinc-950 shadow hover:bg-white"
          >
            {t("backToLive")}
          </button>
        )}
        {muted && (
          <button
            type="button"
            onClick={() => {
              if (!video.current) return;
              video.current.muted = false;
              void video.current.play().catch(() => undefined);
            }}
            className="inline-flex items-center gap-1.5 rounded-full bg-white/90 px-3 py-1.5 text-sm font-bold text-zinc-950 shadow hover:bg-white"
          >
            <svg
              aria-hidden="true"
              viewBox="0 0 24 24"
              className="size-4"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
            >
              <path d="M11 5 6 9H3v6h3l5 4V5Z" />
              <path d="m22 9-6 6M16 9l6 6" />
            </svg>
            {t("unmute")}
          </button>
        )}
      </div>
      {children}
    </div>
  );
}
