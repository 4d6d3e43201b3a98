import type Hls from "hls.js";

export type TPlaybackState = "loading" | "playing" | "reconnecting";

export type TAttached = {
  destroy(): void;
  /** Seconds behind the live edge (live only), or null when unknown. */
  behindLive(): number | null;
  backToLive(): void;
  /** Wall-clock time of the frame on screen (EXT-X-PROGRAM-DATE-TIME), or null. */
  playingDate(): Date | null;
};

/** Low-latency live tuning for 1 s segments: play ~1.5 s behind the newest segment, catch up by speeding. */
const LIVE_CONFIG = {
  lowLatencyMode: true,
  liveSyncDuration: 1.5,
  liveMaxLatencyDuration: 6,
  maxLiveSyncPlaybackRate: 1.15,
  maxBufferLength: 8,
  backBufferLength: 10,
  manifestLoadPolicy: { default: { maxTimeToFirstByteMs: 4000, maxLoadTimeMs: 8000, timeoutRetry: { maxNumRetry: 10, retryDelayMs: 500, maxRetryDelayMs: 2000 }, errorRetry: { maxNumRetry: 10, retryDelayMs: 500, maxRetryDelayMs: 2000 } } },
} as const;

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
export async function attachHls(video: HTMLVideoElement, src: string, live: boolean, onState: (s: TPlaybackState) => void): Promise<TAttached> {
  const { default: HlsClass } = await import("hls.js");
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

  if (preferNative(video, HlsClass.isSupported())) {
    video.src = src;
    play();
    const getStartDate = (video as HTMLVideoElement & { getStartDate?: () => Date }).getStartDate;
    return {
      destroy: () => {
        unlisten();
        video.removeAttribute("src");
        video.load();
      },
      behindLive: () => (live && video.seekable.length ? video.seekable.end(video.seekable.length - 1) - video.currentTime : null),
      backToLive: () => {
        if (video.seekable.length) video.currentTime = video.seekable.end(video.seekable.length - 1) - 2;
        play();
      },
      playingDate: () => {
        const start = getStartDate?.call(video);
        return start && !Number.isNaN(start.getTime()) ? new Date(start.getTime() + video.currentTime * 1000) : null;
      },
    };
  }

  let hls: Hls | null = null;
  let retryTimer: number | null = null;
  const create = () => {
    hls = new HlsClass(live ? { ...LIVE_CONFIG } : { maxBufferLength: 30 });
    hls.on(HlsClass.Events.MANIFEST_PARSED, play);
    hls.on(HlsClass.Events.ERROR, (_e, data) => {
      if (!data.fatal || !hls) return;
      if (data.type === HlsClass.ErrorTypes.MEDIA_ERROR) {
        hls.recoverMediaError();
        return;
      }
      // Network trouble or a playlist that stopped growing: keep trying, the show usually comes back.
      onState("reconnecting");
      hls.destroy();
      hls = null;
      retryTimer = window.setTimeout(create, 2000);
    });
    hls.loadSource(src);
    hls.attachMedia(video);
  };
  create();
  return {
    destroy: () => {
      unlisten();
      if (retryTimer !== null) window.clearTimeout(retryTimer);
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
