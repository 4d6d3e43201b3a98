import { spawn } from "node:child_process";
import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ffmpegPath } from "@/server/media/config";
import { DEMO_CLIP_SECONDS, demoLoopArgs } from "@/server/media/demo-source/demo-args";
import { prepareDemoClip } from "@/server/media/demo-source/demo-clip";

/** Runs `producer` into a decoding ffmpeg and returns what both printed. */
function decodeOutputOf(producer: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const source = spawn(ffmpegPath(), producer, { stdio: ["ignore", "pipe", "pipe"] });
    const decoder = spawn(ffmpegPath(), ["-hide_banner", "-i", "pipe:0", "-f", "null", "-"], {
      stdio: ["pipe", "ignore", "pipe"],
    });
    source.stdout.pipe(decoder.stdin);
    let log = "";
    source.stderr.on("data", (d: Buffer) => (log += d.toString()));
    decoder.stderr.on("data", (d: Buffer) => (log += d.toString()));
    decoder.on("error", reject);
    decoder.on("exit", () => resolve(log));
  });
}

describe("the demo show's clip", () => {
  it("is encoded once and then reused", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "onair-demo-clip-"));
    const clip = await prepareDemoClip(ffmpegPath(), dir);
    const made = statSync(clip);
    expect(made.size).toBeGreaterThan(100_000);
    expect(await prepareDemoClip(ffmpegPath(), dir)).toBe(clip);
    expect(statSync(clip).mtimeMs).toBe(made.mtimeMs);
  });

  it("loops as one recording whose timestamps go on past the clip's end", async () => {
    const clip = await prepareDemoClip(ffmpegPath(), mkdtempSync(path.join(tmpdir(), "onair-demo-loop-")));
    // As the source runs it, but as fast as it goes and for two and a half clips.
    const seconds = DEMO_CLIP_SECONDS * 2.5;
    const args = demoLoopArgs(clip).filter((arg) => arg !== "-re");
    args.splice(args.indexOf("-c"), 0, "-t", String(seconds));
    const log = await decodeOutputOf(args.map((arg) => (arg === "error" ? "warning" : arg)));
    expect(log).not.toMatch(/non[- ]monoton/i);
    const times = [...log.matchAll(/time=(\d+):(\d+):([\d.]+)/g)].map(
      ([, h, m, s]) => Number(h) * 3600 + Number(m) * 60 + Number(s),
    );
    expect(times.at(-1)).toBeGreaterThan(seconds - 1);
    const frames = [...log.matchAll(/frame=\s*(\d+)/g)].map(([, n]) => Number(n));
    expect(frames.at(-1)).toBeGreaterThanOrEqual((seconds - 1) * 30);
  });
});
