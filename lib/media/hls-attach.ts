import type Hls from "hls.js/light";
import { bufferedAhead, catchUpRate, startupSkip, STARTUP_SKIP_WINDOW_MS } from "@/lib/media/catch-up";
import { LIVE_HLS_CONFIG } from "@/lib/media/hls-live-config";
import { LIVE_BOOT_GLOBAL, type TLiveBoot } from "@/lib/media/live-boot-script";

export type TPlaybackState = "loading" | "playing" | "reconnecting";

export type TAttached = {
  destroy(): void;
  /** Seconds behind the live edge (live only), or null when unknown. */
  behindLive(): number | null;
  backToLive(): void;
  /** Wall-clock time of the frame on screen (EXT-X-PROGRAM-DATE-TIME), or null. */
  playingDate(): Date | null;
};

/** A live picture frozen this long (media node or ffmpeg restarted) makes the player start over. */
const STUCK_RESTART_MS = 8000;

/**
 * Native HLS where the browser has it (Safari, iOS); Chromium also answers "maybe" for HLS nowadays but
 * plays it without live-latency control, so MSE browsers use hls.js. The live page's boot script
 * (lib/media/live-boot-script.ts) repeats this test as text: keep the two alike.
 */
function preferNative(video: HTMLVideoElement): boolean {
  const can = video.canPlayType("application/vnd.apple.mpegurl") !== "";
  const chromium = /Chrom(e|ium)\//.test(navigator.userAgent);
  const mse = "MediaSource" in window || "ManagedMediaSource" in window;
  return can && (!mse || !chromium);
}

/**
 * The hls.js instance the live page's boot script already started on this very `<video>` for this `src`
 * (lib/media/live-boot-script.ts), taken once: a later attach (a restart, another show) starts its own.
 */
function takeBoot(video: HTMLVideoElement, src: string): Promise<Hls | null> | null {
  const holder = window as unknown as Record<string, TLiveBoot<Hls> | undefined>;
  const boot = holder[LIVE_BOOT_GLOBAL];
  if (!boot || boot.video !== video || boot.src !== src) return null;
  holder[LIVE_BOOT_GLOBAL] = undefined;
  return boot.hls;
}

/** hls.js as a lazy chunk: replays and pages opened by client-side navigation (no boot script ran). */
const loadHls = () => import("hls.js/light").then((m) => m.default);

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

  if (preferNative(video)) {
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
  // When this hls.js instance first showed a frame, and whether it already made its start-up jump.
  let firstFrameAt: number | null = null;
  let skipped = false;
  const onFirstFrame = () => (firstFrameAt ??= performance.now());
  video.addEventListener("playing", onFirstFrame);
  // Every 250 ms: the catch-up rate, and a watchdog for a live picture that stopped for good (a media node
  // restarted under a player that never saw an error): start hls.js afresh, without reloading the page.
  const liveTimer = live
    ? window.setInterval(() => {
        if (!hls || video.paused) return;
        const target = hls.targetLatency;
        const now = performance.now();
        const position =
          target !== null && hls.latency > 0
            ? { latency: hls.latency, target, buffered: bufferedAhead(video.buffered, video.currentTime) }
            : null;
        if (position && !skipped && firstFrameAt !== null) {
          if (now - firstFrameAt > STARTUP_SKIP_WINDOW_MS) skipped = true;
          else {
            const jump = startupSkip(position);
            if (jump > 0) {
              skipped = true;
              video.currentTime += jump;
              return;
            }
          }
        }
        if (position) {
          const rate = catchUpRate(position);
          if (video.playbackRate !== rate) video.playbackRate = rate;
        }
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
    retryTimer = window.setTimeout(start, 1000);
  };
  let destroyed = false;
  let boot = takeBoot(video, src);
  const create = async () => {
    retryTimer = null;
    const adopted = boot ? await boot : null;
    boot = null;
    const HlsClass = adopted ? (adopted.constructor as typeof Hls) : await loadHls();
    const instance = adopted ?? new HlsClass(live ? { ...LIVE_HLS_CONFIG } : { maxBufferLength: 30 });
    if (destroyed) return instance.destroy();
    hls = instance;
    firstFrameAt = null;
    skipped = false;
    instance.on(HlsClass.Events.MANIFEST_PARSED, play);
    instance.on(HlsClass.Events.ERROR, (_e, data) => {
      if (!data.fatal || hls !== instance) return;
      if (data.type === HlsClass.ErrorTypes.MEDIA_ERROR) {
        instance.recoverMediaError();
        return;
      }
      // Network trouble or a playlist that stopped growing: keep trying, the show usually comes back.
      restart();
    });
    if (adopted) {
      // Already loading into this video; it may even be playing since before the page hydrated.
      if (!video.paused && video.readyState >= HTMLMediaElement.HAVE_FUTURE_DATA) {
        onPlaying();
        onFirstFrame();
      }
      return play();
    }
    instance.loadSource(src);
    instance.attachMedia(video);
  };
  const start = () => void create().catch(() => restart());
  start();
  return {
    destroy: () => {
      destroyed = true;
      unlisten();
      video.removeEventListener("playing", onFirstFrame);
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
