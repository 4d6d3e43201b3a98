import { preload } from "react-dom";
import { liveBootScript } from "@/lib/media/live-boot-script";
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
 * hls.js is also preloaded from the `<head>` at high priority: the boot script's own `<script>` is a late,
 * low-priority request, and over HTTP/1.1's six connections it queued behind the page's chunks for 1.3 s
 * (resource timing on a loaded 2-core machine: queued at 0.83 s, requested at 2.11 s, served in 26 ms).
 *
 * `nonce` is the answer's Content-Security-Policy script nonce: the page reads it on the server
 * (server/web/script-nonce.ts), since components do not import server code.
 */
export function LivePlayerBoot({ hlsUrl, nonce }: { hlsUrl: string; nonce: string | undefined }) {
  preloadLivePlayer(nonce);
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: liveBootScript(hlsUrl) }} />;
}
