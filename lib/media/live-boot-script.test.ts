import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { LIVE_HLS_CONFIG, LIVE_VIDEO_ID } from "@/lib/media/hls-live-config";
import { LIVE_BOOT_GLOBAL, LIVE_RELEASE_GLOBAL, liveBootScript } from "@/lib/media/live-boot-script";
import { PLAYER_SCRIPT_PATH } from "@/lib/media/player-script";

/** A page just far enough for the boot script: one video element, a head to append scripts to. */
function page(
  opts: { native?: boolean; userAgent?: string; mse?: boolean; video?: boolean; loaded?: boolean } = {},
) {
  const appended: { src: string; onload?: () => void; onerror?: () => void }[] = [];
  const video = {
    muted: false,
    played: 0,
    onFrame: null as (() => void) | null,
    requestVideoFrameCallback(fn: () => void) {
      this.onFrame = fn;
    },
    canPlayType: (type: string) => (opts.native && type === "application/vnd.apple.mpegurl" ? "maybe" : ""),
    play() {
      this.played++;
      return Promise.resolve();
    },
  };
  const calls: string[] = [];
  class FakeHls {
    static Events = { MANIFEST_PARSED: "hlsManifestParsed", ERROR: "hlsError" };
    static isSupported = () => true;
    handlers: Record<string, (event?: string, data?: { fatal: boolean }) => void> = {};
    constructor(readonly config: unknown) {}
    on(event: string, fn: () => void) {
      this.handlers[event] = fn;
    }
    loadSource(src: string) {
      calls.push(`load ${src}`);
    }
    attachMedia(v: unknown) {
      calls.push(v === video ? "attach video" : "attach other");
    }
  }
  let releases = 0;
  const window: Record<string, unknown> = {
    MediaSource: opts.mse === false ? undefined : {},
    // hls.js as the page's parser-blocking script leaves it, or undefined until the boot script's own loads.
    Hls: opts.loaded ? FakeHls : undefined,
    [LIVE_RELEASE_GLOBAL]: () => releases++,
  };
  const loadHls = () => (window.Hls = FakeHls);
  const document = {
    getElementById: (id: string) => (id === LIVE_VIDEO_ID && opts.video !== false ? video : null),
    createElement: () => ({}) as { src: string },
    head: { appendChild: (s: (typeof appended)[number]) => appended.push(s) },
  };
  const navigator = { userAgent: opts.userAgent ?? "Mozilla/5.0 Chrome/150.0 Safari/537.36" };
  return { window, document, navigator, video, appended, calls, loadHls, releases: () => releases };
}

function run(p: ReturnType<typeof page>, src: string) {
  runInNewContext(liveBootScript(src), { window: p.window, document: p.document, navigator: p.navigator });
}

describe("the live player's boot script", () => {
  it("starts the hls.js the page already ran on the live video with the live config, for the React player to adopt", async () => {
    const p = page({ loaded: true });
    run(p, "/hls/room-1/index.m3u8");
    expect(p.appended).toEqual([]);
    const boot = p.window[LIVE_BOOT_GLOBAL] as { src: string; video: unknown; hls: Promise<unknown> };
    expect(boot.src).toBe("/hls/room-1/index.m3u8");
    expect(boot.video).toBe(p.video);
    const hls = (await boot.hls) as { config: unknown; handlers: Record<string, () => void> };
    expect(hls.config).toEqual(LIVE_HLS_CONFIG);
    expect(p.calls).toEqual(["load /hls/room-1/index.m3u8", "attach video"]);
    hls.handlers.hlsManifestParsed!();
    expect(p.video).toMatchObject({ muted: true, played: 1 });
  });

  it("loads hls.js itself when the page's copy did not run", async () => {
    const p = page();
    run(p, "/hls/room-1/index.m3u8");
    expect(p.appended.map((s) => s.src)).toEqual([PLAYER_SCRIPT_PATH]);
    p.loadHls();
    p.appended[0]!.onload!();
    expect(await (p.window[LIVE_BOOT_GLOBAL] as { hls: Promise<unknown> }).hls).not.toBeNull();
    expect(p.calls).toEqual(["load /hls/room-1/index.m3u8", "attach video"]);
  });

  it("releases the page's held chunks at the first presented frame, or at a fatal error", async () => {
    const p = page({ loaded: true });
    run(p, "/hls/room-1/index.m3u8");
    expect(p.releases()).toBe(0);
    p.video.onFrame!();
    expect(p.releases()).toBe(1);
    const q = page({ loaded: true });
    run(q, "/hls/room-1/index.m3u8");
    const hls = (await (q.window[LIVE_BOOT_GLOBAL] as { hls: Promise<unknown> }).hls) as {
      handlers: Record<string, (event?: string, data?: { fatal: boolean }) => void>;
    };
    hls.handlers.hlsError!("hlsError", { fatal: false });
    expect(q.releases()).toBe(0);
    hls.handlers.hlsError!("hlsError", { fatal: true });
    expect(q.releases()).toBe(1);
  });

  it("resolves null when hls.js cannot load, so the React player starts its own", async () => {
    const p = page();
    run(p, "/hls/a/index.m3u8");
    p.appended[0]!.onerror!();
    expect(await (p.window[LIVE_BOOT_GLOBAL] as { hls: Promise<unknown> }).hls).toBeNull();
    expect(p.releases()).toBe(1);
  });

  it("leaves native HLS browsers (Safari), browsers without MediaSource and pages without the video alone", () => {
    for (const p of [
      page({ native: true, userAgent: "Mozilla/5.0 (Macintosh) Version/18.0 Safari/605.1.15" }),
      page({ mse: false }),
      page({ video: false }),
    ]) {
      run(p, "/hls/a/index.m3u8");
      expect(p.appended).toHaveLength(0);
      expect(p.window[LIVE_BOOT_GLOBAL]).toBeUndefined();
      // Nothing to wait for: the page's own JavaScript runs at once.
      expect(p.releases()).toBe(1);
    }
  });

  it("cannot be broken out of by a hostile playlist address", () => {
    const src = '/hls/x/index.m3u8</script><script>alert(1)</script>"\u2028';
    const script = liveBootScript(src);
    expect(script).not.toContain("</script>");
    const p = page();
    run(p, src);
    expect((p.window[LIVE_BOOT_GLOBAL] as { src: string }).src).toBe(src);
  });
});
