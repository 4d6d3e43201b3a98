import { LIVE_HLS_CONFIG, LIVE_VIDEO_ID } from "@/lib/media/hls-live-config";
import { PLAYER_SCRIPT_PATH } from "@/lib/media/player-script";

/**
 * What the boot script leaves on `window` for the React player to adopt (lib/media/hls-attach.ts):
 * `hls` resolves to the running hls.js instance, or null when this browser is left to the React player.
 */
export type TLiveBoot<THls = unknown> = { src: string; video: HTMLVideoElement; hls: Promise<THls | null> };

export const LIVE_BOOT_GLOBAL = "__onairLiveBoot";

/**
 * The function a cached live page defines to run its held Next.js chunks (server/web/hold-live-chunks.ts).
 * The boot script calls it once the first frame is presented, or as soon as it knows none will come from
 * it; a page without it (rendered per request) runs its chunks as usual and the call does nothing.
 */
export const LIVE_RELEASE_GLOBAL = "__onairReleaseChunks";

/** The boot script element's `id`: how the web tier tells a page that starts the live player. */
export const LIVE_BOOT_SCRIPT_ID = "live-player-boot";

/** JSON that is safe inside an inline <script>: no `</script>`, no line separators JavaScript rejects. */
function inlineJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/**
 * An inline script, written right after the live `<video>` in the server-rendered page, that starts
 * hls.js on it while the page's own JavaScript is still loading: a shopper arriving mid-show used to wait
 * for the whole page to hydrate (about 2 s on a loaded 2-core machine) before the playlist was even
 * requested. It starts hls.js's light build (run by the page just before it, or loaded here if that copy
 * did not run) and hands the instance to the React player, which adopts it instead of starting over. A
 * cached page holds its Next.js chunks until this player's first frame (server/web/hold-live-chunks.ts):
 * the script releases them then, or at once when it has no player to start or hls.js fails. Browsers that play HLS natively (Safari) and browsers without
 * MediaSource are left to the React player (the same test as `preferNative` in lib/media/hls-attach.ts,
 * repeated as text: this script runs before any module loads). ES5 on purpose: it runs before any polyfill.
 */
export function liveBootScript(src: string): string {
  return `(function () {
  var release = function () {
    var run = window[${inlineJson(LIVE_RELEASE_GLOBAL)}];
    if (run) run();
  };
  var video = document.getElementById(${inlineJson(LIVE_VIDEO_ID)});
  if (!video || !(window.MediaSource || window.ManagedMediaSource)) return release();
  var chromium = /Chrom(e|ium)\\//.test(navigator.userAgent);
  if (video.canPlayType("application/vnd.apple.mpegurl") && !chromium) return release();
  if (video.requestVideoFrameCallback) video.requestVideoFrameCallback(release);
  else video.addEventListener("playing", release);
  var src = ${inlineJson(src)};
  var hls = new Promise(function (resolve) {
    var start = function () {
      var Hls = window.Hls;
      if (!Hls || !Hls.isSupported()) { release(); return resolve(null); }
      var player = new Hls(${inlineJson(LIVE_HLS_CONFIG)});
      player.on(Hls.Events.MANIFEST_PARSED, function () {
        video.muted = true;
        var playing = video.play();
        if (playing) playing.catch(function () {});
      });
      player.on(Hls.Events.ERROR, function (_event, data) {
        if (data.fatal) release();
      });
      player.loadSource(src);
      player.attachMedia(video);
      resolve(player);
    };
    if (window.Hls) return start();
    var script = document.createElement("script");
    script.src = ${inlineJson(PLAYER_SCRIPT_PATH)};
    script.async = true;
    script.onerror = function () { release(); resolve(null); };
    script.onload = start;
    document.head.appendChild(script);
  });
  window[${inlineJson(LIVE_BOOT_GLOBAL)}] = { src: src, video: video, hls: hls };
})();`;
}
