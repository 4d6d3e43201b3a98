import { LIVE_BOOT_SCRIPT_ID, LIVE_RELEASE_GLOBAL } from "@/lib/media/live-boot-script";

/** The longest a live page's own JavaScript waits for the player's first frame, from navigation start. */
export const HOLD_CAP_MS = 1500;

/** A Next.js chunk as Next.js writes it into the page: an empty async script from /_next/static/. */
const CHUNK = /<script src="(\/_next\/static\/[^"<>]+\.js)" async=""><\/script>/g;
const HELD_ATTR = "data-held-chunk";

/**
 * Defines the release (called by the boot script at the first frame, or when it has no player to start)
 * and the cap. The chunks run in one go, once the parser has seen every held link, in page order: they
 * were async scripts, which Next.js's runtime orders itself. ES5, as the boot script.
 */
const HOLDER = `(function () {
  var held = true;
  var run = function () {
    var links = document.querySelectorAll("link[${HELD_ATTR}]");
    for (var i = 0; i < links.length; i++) {
      var script = document.createElement("script");
      script.src = links[i].getAttribute("href");
      script.async = true;
      document.head.appendChild(script);
    }
  };
  var release = function () {
    if (!held) return;
    held = false;
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
    else run();
  };
  window[${JSON.stringify(LIVE_RELEASE_GLOBAL)}] = release;
  setTimeout(release, Math.max(0, ${HOLD_CAP_MS} - performance.now()));
})();`;

/**
 * A cached live page whose player starts from the boot script (lib/media/live-boot-script.ts) holds
 * Next.js's chunks until the player has presented its first frame, or HOLD_CAP_MS has passed: each chunk
 * becomes a low-priority preload, downloaded as before but run only on release. On a loaded 2-core
 * machine the same playlist showed its first frame in 0.6–0.7 s in a bare page and 2.2–3 s in the real
 * one, every step of the player waiting on the main thread behind Next.js's bootstrap (module evaluation,
 * the RSC payload, React's hydration, ~1 s there). The server-rendered page is on screen meanwhile; only
 * its interactivity waits. Any other page is returned as it is.
 *
 * Only for the page cache, whose policy lists the hash of each inline script (the holder included) and
 * lets 'self' load the released chunks; a page rendered per request with a nonce is left alone.
 */
export function holdLiveChunks(html: string): string {
  if (!html.includes(`<script id="${LIVE_BOOT_SCRIPT_ID}"`)) return html;
  let first = true;
  return html.replace(CHUNK, (_tag, src: string) => {
    const link = `<link rel="preload" as="script" fetchpriority="low" href="${src}" ${HELD_ATTR}=""/>`;
    if (!first) return link;
    first = false;
    return `<script>${HOLDER}</script>${link}`;
  });
}
