import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { LIVE_HLS_CONFIG, LIVE_VIDEO_ID } from "@/lib/media/hls-live-config";
import { LIVE_BOOT_GLOBAL, liveBootScript } from "@/lib/media/live-boot-script";
import { PLAYER_SCRIPT_PATH } from "@/lib/media/player-script";

/** A page just far enough for the boot script: one video element, a head to append scripts to. */
function page(opts: { native?: boolean; userAgent?: string; mse?: boolean; video?: boolean } = {}) {
  const appended: { src: string; onload?: () => void; onerror?: () => void }[] = [];
  const video = {
    muted: false,
    played: 0,
    canPlayType: (type: string) => (opts.native && type === "application/vnd.apple.mpegurl" ? "maybe" : ""),
    play() {
      this.played++;
      return Promise.resolve();
    },
  };
  const calls: string[] = [];
  class FakeHls {
    static Events = { MANIFEST_PARSED: "hlsManifestParsed" };
    static isSupported = () => true;
    handlers: Record<string, () => void> = {};
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
  const window: Record<string, unknown> = { MediaSource: opts.mse === false ? undefined : {}, Hls: FakeHls };
  const document = {
    getElementById: (id: string) => (id === LIVE_VIDEO_ID && opts.video !== false ? video : null),
    createElement: () => ({}) as { src: string },
    head: { appendChild: (s: (typeof appended)[number]) => appended.push(s) },
  };
  const navigator = { userAgent: opts.userAgent ?? "Mozilla/5.0 Chrome/150.0 Safari/537.36" };
  return { window, document, navigator, video, appended, calls };
}

function run(p: ReturnType<typeof page>, src: string) {
  runInNewContext(liveBootScript(src), { window: p.window, document: p.document, navigator: p.navigator });
}

describe("the live player's boot script", () => {
  it("loads hls.js and starts it on the live video with the live config, for the React player to adopt", async () => {
    const p = page();
    run(p, "/hls/room-1/index.m3u8");
    expect(p.appended.map((s) => s.src)).toEqual([PLAYER_SCRIPT_PATH]);
    p.appended[0]!.onload!();
    const boot = p.window[LIVE_BOOT_GLOBAL] as { src: string; video: unknown; hls: Promise<unknown> };
    expect(boot.src).toBe("/hls/room-1/index.m3u8");
    expect(boot.video).toBe(p.video);
    const hls = (await boot.hls) as { config: unknown; handlers: Record<string, () => void> };
    expect(hls.config).toEqual(LIVE_HLS_CONFIG);
    expect(p.calls).toEqual(["load /hls/room-1/index.m3u8", "attach video"]);
    hls.handlers.hlsManifestParsed!();
    expect(p.video).toMatchObject({ muted: true, played: 1 });
  });

  it("resolves null when hls.js cannot load, so the React player starts its own", async () => {
    const p = page();
    run(p, "/hls/a/index.m3u8");
    p.appended[0]!.onerror!();
    expect(await (p.window[LIVE_BOOT_GLOBAL] as { hls: Promise<unknown> }).hls).toBeNull();
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
