import { preload } from "react-dom";
import { LIVE_BOOT_SCRIPT_ID, liveBootScript } from "@/lib/media/live-boot-script";
import { PLAYER_SCRIPT_PATH } from "@/lib/media/player-script";

/**
 * hls.js from the `<head>` at high priority. The live page calls it before it awaits anything, so it is in
 * the head whatever the show turns out to be (a scheduled or ended show fetches a file cached for a year);
 * React keeps the first call of an address. Pages rendered per request with a nonce policy refuse a
 * preload without the nonce: there the boot script's own request is all that remains.
 */
export function preloadLivePlayer(nonce?: string): void {
  preload(PLAYER_SCRIPT_PATH, { as: "script", fetchPriority: "high", nonce });
}

/**
 * Starts the live player as soon as the browser parses this point of the page, before hydration
 * (lib/media/live-boot-script.ts). Rendered right after the live `<video>`, which must come first.
 *
 * hls.js is preloaded from the `<head>` at high priority (the boot script's own `<script>` was a late,
 * low-priority request that queued behind the page's chunks for 1.3 s over HTTP/1.1's six connections), and
 * runs here as a parser-blocking script: its evaluation (0.3–0.4 s on the loaded 2-core machine) then
 * comes before the page's first full layout instead of after it, so the playlist is requested while the
 * rest of the page is laid out (arrivals with the seller live in the same Chromium, load 4–10: first frame
 * 3.3 s median against 5.3 s with hls.js loaded by the boot script, 5 each, interleaved). The boot script
 * still loads hls.js itself if this copy did not run.
 *
 * `nonce` is the answer's Content-Security-Policy script nonce: the page reads it on the server
 * (server/web/script-nonce.ts), since components do not import server code.
 */
export function LivePlayerBoot({ hlsUrl, nonce }: { hlsUrl: string; nonce: string | undefined }) {
  preloadLivePlayer(nonce);
  return (
    <>
      {/* eslint-disable-next-line @next/next/no-sync-scripts -- blocking on purpose: see above */}
      <script src={PLAYER_SCRIPT_PATH} nonce={nonce} />
      <script
        id={LIVE_BOOT_SCRIPT_ID}
        nonce={nonce}
        dangerouslySetInnerHTML={{ __html: liveBootScript(hlsUrl) }}
      />
    </>
  );
}
