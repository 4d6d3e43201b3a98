// Bundled with the page (not a lazy chunk): the player starts as the page hydrates instead of fetching
// hls.js (~400 KB) afterwards, which kept a shopper arriving mid-show waiting.
import Hls from "hls.js";
import { bufferedAhead, catchUpRate } from "@/lib/media/catch-up";

export type TPlaybackState = "loading" | "playing" | "reconnecting";

export type TAttached = {
  destroy(): void;
  /** Seconds behind the live edge (live only), or null when unknown. */
  behindLive(): number | null;
  backToLive(): void;
  /** Wall-clock time of the frame on screen (EXT-X-PROGRAM-DATE-TIME), or null. */
  playingDate(): Date | null;
};

/**
 * Low-Latency HLS: no liveSyncDuration, so hls.js aims at the playlist's PART-HOLD-BACK (0.75 s behind
 * the newest part); forcing 1.5 s measured 1.78 s glass-to-glass against 0.96 s. hls.js's own speed-up is
 * off (it needs >1 s buffered): the catch-up rule below does it. A stall adds one part to the target, not
 * a second (the default), so one hiccup at start-up does not cost a second for the rest of the show.
 */
const LIVE_CONFIG = {
  lowLatencyMode: true,
  // Fetch the init section and first part while the MediaSource is still opening (arrival time).
  startFragPrefetch: true,
  maxLiveSyncPlaybackRate: 1,
  liveSyncOnStallIncrease: 0.25,
  maxBufferLength: 8,
  backBufferLength: 10,
  manifestLoadPolicy: {
    default: {
      maxTimeToFirstByteMs: 4000,
      maxLoadTimeMs: 8000,
      timeoutRetry: { maxNumRetry: 10, retryDelayMs: 500, maxRetryDelayMs: 2000 },
      errorRetry: { maxNumRetry: 10, retryDelayMs: 500, maxRetryDelayMs: 2000 },
    },
  },
} as const;

/** A live picture frozen this long (media node or ffmpeg restarted) makes the player start over. */
const STUCK_RESTART_MS = 8000;

/**
 * Native HLS where the browser has it (Safari, iOS); Chromium also answers "maybe" for HLS nowadays but
 * plays it without live-latency control, so MSE browsers use hls.js.
 */
function preferNative(video: HTMLVideoElement, hlsSupported: boolean): boolean {
  const can = video.canPlayType("application/vnd.apple.mpegurl") !== "";
  const chromium = /Chrom(e|ium)\//.test(navigator.userAgent);
  return can && (!hlsSupported || !chromium);
}

/** Plays `src` in `video` (muted autoplay), recovering from network and media errors on its own. */
export function attachHls(
  video: HTMLVideoElement,
  src: string,
  live: boolean,
  onState: (s: TPlaybackState) => void,
): TAttached {
  video.muted = true;
  const play = () => void video.play().catch(() => undefined);
  const onPlaying = () => onState("playing");
  const onWaiting = () => onState(live ? "reconnecting" : "loading");
  video.addEventListener("playing", onPlaying);
  video.addEventListener("waiting", onWaiting);
  const unlisten = () => {
    video.removeEventListener("playing", onPlaying);
    video.removeEventListener("waiting", onWaiting);
  };

  if (preferNative(video, Hls.isSupported())) {
    video.src = src;
    play();
    const getStartDate = (video as HTMLVideoElement & { getStartDate?: () => Date }).getStartDate;
    return {
      destroy: () => {
        unlisten();
        video.removeAttribute("src");
        video.load();
      },
      behindLive: () =>
        live && video.seekable.length
          ? video.seekable.end(video.seekable.length - 1) - video.currentTime
          : null,
      backToLive: () => {
        if (video.seekable.length) video.currentTime = video.seekable.end(video.seekable.length - 1) - 2;
        play();
      },
      playingDate: () => {
        const start = getStartDate?.call(video);
        return start && !Number.isNaN(start.getTime())
          ? new Date(start.getTime() + video.currentTime * 1000)
          : null;
      },
    };
  }

  let hls: Hls | null = null;
  let retryTimer: number | null = null;
  let stuckSince: { time: number; at: number } | null = null;
  // Every 250 ms: the catch-up rate, and a watchdog for a live picture that stopped for good (a media node
  // restarted under a player that never saw an error): start hls.js afresh, without reloading the page.
  const liveTimer = live
    ? window.setInterval(() => {
        if (!hls || video.paused) return;
        const target = hls.targetLatency;
        if (target !== null && hls.latency > 0) {
          const rate = catchUpRate({
            latency: hls.latency,
            target,
            buffered: bufferedAhead(video.buffered, video.currentTime),
          });
          if (video.playbackRate !== rate) video.playbackRate = rate;
        }
        const now = performance.now();
        if (!stuckSince || stuckSince.time !== video.currentTime)
          stuckSince = { time: video.currentTime, at: now };
        else if (now - stuckSince.at > STUCK_RESTART_MS) {
          stuckSince = null;
          restart();
        }
      }, 250)
    : null;
  const restart = () => {
    onState("reconnecting");
    hls?.destroy();
    hls = null;
    if (retryTimer !== null) window.clearTimeout(retryTimer);
    retryTimer = window.setTimeout(create, 1000);
  };
  const create = () => {
    retryTimer = null;
    hls = new Hls(live ? { ...LIVE_CONFIG } : { maxBufferLength: 30 });
    hls.on(Hls.Events.MANIFEST_PARSED, play);
    hls.on(Hls.Events.ERROR, (_e, data) => {
      if (!data.fatal || !hls) return;
      if (data.type === Hls.ErrorTypes.MEDIA_ERROR) {
        hls.recoverMediaError();
        return;
      }
      // Network trouble or a playlist that stopped growing: keep trying, the show usually comes back.
      restart();
    });
    hls.loadSource(src);
    hls.attachMedia(video);
  };
  create();
  return {
    destroy: () => {
      unlisten();
      if (retryTimer !== null) window.clearTimeout(retryTimer);
      if (liveTimer !== null) window.clearInterval(liveTimer);
      hls?.destroy();
      hls = null;
    },
    behindLive: () => {
      if (!live || !hls || hls.liveSyncPosition === null) return null;
      return Math.max(0, hls.liveSyncPosition - video.currentTime);
    },
    backToLive: () => {
      if (hls?.liveSyncPosition != null) video.currentTime = hls.liveSyncPosition;
      play();
    },
    playingDate: () => hls?.playingDate ?? null,
  };
}
