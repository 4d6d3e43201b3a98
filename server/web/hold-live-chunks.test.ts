import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { LIVE_BOOT_SCRIPT_ID, LIVE_RELEASE_GLOBAL } from "@/lib/media/live-boot-script";
import { HOLD_CAP_MS, holdLiveChunks } from "@/server/web/hold-live-chunks";
import { inlineScriptHashes } from "@/server/web/inline-script-hashes";

const chunk = (name: string) => `<script src="/_next/static/chunks/${name}.js" async=""></script>`;
const livePage = (boot = true) =>
  `<html><head>${chunk("a")}${chunk("b")}<script src="/_next/static/chunks/legacy.js" noModule=""></script></head>` +
  `<body><video id="show-video"></video>${boot ? `<script id="${LIVE_BOOT_SCRIPT_ID}">boot()</script>` : ""}` +
  `<script>self.__next_f=[]</script>${chunk("main")}</body></html>`;

/** Runs the holder script of a held page against a fake document; returns what it appended and its timer. */
function runHolder(html: string, opts: { readyState: string; now: number }) {
  const holder = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].find((m) => m[1]?.includes("held"))![1]!;
  const hrefs = [...html.matchAll(/<link [^>]*href="([^"]+)" data-held-chunk=""\/>/g)].map((m) => m[1]!);
  const appended: string[] = [];
  const listeners: Record<string, () => void> = {};
  let timer: { fn: () => void; ms: number } | null = null;
  const window: Record<string, unknown> = {};
  const document = {
    readyState: opts.readyState,
    querySelectorAll: () => hrefs.map((href) => ({ getAttribute: () => href })),
    createElement: () => ({ src: "", async: false }),
    head: {
      appendChild: (s: { src: string; async: boolean }) => appended.push(`${s.src}${s.async ? "" : " sync"}`),
    },
    addEventListener: (type: string, fn: () => void) => (listeners[type] = fn),
  };
  runInNewContext(holder, {
    window,
    document,
    performance: { now: () => opts.now },
    setTimeout: (fn: () => void, ms: number) => (timer = { fn, ms }),
  });
  return { release: window[LIVE_RELEASE_GLOBAL] as () => void, appended, listeners, timer: () => timer };
}

describe("holding a live page's Next.js chunks for the player's first frame", () => {
  it("turns each async chunk into a low-priority preload, after a holder script, and keeps the rest", () => {
    const held = holdLiveChunks(livePage());
    expect(held).not.toMatch(/<script src="\/_next\/static\/chunks\/(a|b|main)\.js"/);
    for (const name of ["a", "b", "main"])
      expect(held).toContain(
        `<link rel="preload" as="script" fetchpriority="low" href="/_next/static/chunks/${name}.js" data-held-chunk=""/>`,
      );
    expect(held.indexOf("<script>(function")).toBeLessThan(held.indexOf("chunks/a.js"));
    expect(held).toContain('<script src="/_next/static/chunks/legacy.js" noModule=""></script>');
    expect(held).toContain("<script>self.__next_f=[]</script>");
    // The cache's policy trusts the holder by its hash like any inline script.
    expect(inlineScriptHashes(held)).toHaveLength(inlineScriptHashes(livePage()).length + 1);
  });

  it("leaves pages without the live player's boot script as they are", () => {
    expect(holdLiveChunks(livePage(false))).toBe(livePage(false));
    expect(holdLiveChunks("<html><body>not found</body></html>")).toBe("<html><body>not found</body></html>");
  });

  it("runs the chunks once, in page order, when released after the parser is done", () => {
    const page = runHolder(holdLiveChunks(livePage()), { readyState: "interactive", now: 400 });
    expect(page.appended).toEqual([]);
    page.release();
    page.release();
    expect(page.appended).toEqual([
      "/_next/static/chunks/a.js",
      "/_next/static/chunks/b.js",
      "/_next/static/chunks/main.js",
    ]);
  });

  it("waits for the end of the document when released during parsing, so no held chunk is missed", () => {
    const page = runHolder(holdLiveChunks(livePage()), { readyState: "loading", now: 100 });
    page.release();
    expect(page.appended).toEqual([]);
    page.listeners.DOMContentLoaded!();
    expect(page.appended).toHaveLength(3);
  });

  it("releases by itself HOLD_CAP_MS after navigation start when the player never calls", () => {
    const page = runHolder(holdLiveChunks(livePage()), { readyState: "complete", now: 400 });
    expect(page.timer()?.ms).toBe(HOLD_CAP_MS - 400);
    page.timer()!.fn();
    expect(page.appended).toHaveLength(3);
  });
});
