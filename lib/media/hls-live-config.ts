/**
 * hls.js settings for live shows, shared by the React player (lib/media/hls-attach.ts) and the boot
 * script that starts the live player before the page hydrates (lib/media/live-boot-script.ts): plain
 * JSON, so it can be written into the page.
 *
 * Low-Latency HLS: no liveSyncDuration, so hls.js aims at the playlist's PART-HOLD-BACK (0.75 s behind
 * the newest part); forcing 1.5 s measured 1.78 s glass-to-glass against 0.96 s. hls.js's own speed-up is
 * off (it needs >1 s buffered): lib/media/catch-up.ts does it. A stall adds one part to the target, not
 * a second (the default), so one hiccup at start-up does not cost a second for the rest of the show.
 */
export const LIVE_HLS_CONFIG = {
  lowLatencyMode: true,
  // Fetch the init section and first part while the MediaSource is still opening (arrival time).
  startFragPrefetch: true,
  // No Web Worker: our parts are fMP4, which hls.js only passes through (a few ms per part), while
  // starting the worker took 0.37 s of a shopper's arrival (debug log: "injecting Web Worker" at 1.60 s,
  // the worker's first log at 1.97 s, nothing parsed in between).
  enableWorker: false,
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
};

/** The `id` of the live `<video>`: the boot script finds it by this before React has hydrated. */
export const LIVE_VIDEO_ID = "show-video";
