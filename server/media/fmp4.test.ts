/**
 * The fMP4 box parser, fragment splitting and part building, on fragmented MP4 that the bundled ffmpeg
 * writes exactly as the ingest asks it to (H.264 copied, AAC, one fragment per frame).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ffmpegPath } from "@/server/media/config";
import { listBoxes, Mp4StreamReader, type TMp4Event } from "@/server/media/fmp4-boxes";
import {
  fragmentTiming,
  parseFragment,
  parseInit,
  splitFragment,
  type TTrack,
} from "@/server/media/fmp4-fragment";
import { PART_TARGET } from "@/server/media/ll-playlist";
import { fixedGopArgs } from "@/server/media/transcode-args";
import { PART_MIN, PartBuilder } from "@/server/media/part-builder";

const dir = mkdtempSync(path.join(tmpdir(), "onair-fmp4-"));
let ffmpeg = "";
let stream: Buffer;

function run(args: string[]): void {
  const r = spawnSync(ffmpeg, ["-hide_banner", "-loglevel", "error", "-y", ...args]);
  if (r.status !== 0) throw new Error(r.stderr.toString());
}

/** Remuxes `mkv` to fragmented MP4 as the ingest does (H.264 copied, audio to AAC); `extra` sets the fragments. */
function fragment(mkv: string, mp4: string, extra: string[] = []): void {
  run([
    ...["-f", "matroska", "-i", mkv, "-c:v", "copy", "-c:a", "aac", "-f", "mp4"],
    ...["-movflags", "empty_moov+default_base_moof+frag_keyframe", ...extra, mp4],
  ]);
}

/** Reads `bytes` in chunks of `size`, as a pipe would deliver them. */
function readAll(bytes: Buffer, size: number): TMp4Event[] {
  const reader = new Mp4StreamReader();
  const events: TMp4Event[] = [];
  for (let i = 0; i < bytes.length; i += size) events.push(...reader.push(bytes.subarray(i, i + size)));
  return events;
}

beforeAll(() => {
  ffmpeg = ffmpegPath();
  const mkv = path.join(dir, "in.mkv");
  const mp4 = path.join(dir, "out.mp4");
  run(
    [
      "-f",
      "lavfi",
      "-i",
      "testsrc=size=320x180:rate=30",
      "-f",
      "lavfi",
      "-i",
      "sine=frequency=440:sample_rate=48000",
      "-t",
      "3",
    ]
      .concat(["-c:v", "libx264", "-preset", "ultrafast", ...fixedGopArgs(30), "-pix_fmt", "yuv420p"])
      .concat(["-c:a", "libopus", "-f", "matroska", mkv]),
  );
  fragment(mkv, mp4, ["-frag_duration", "30000"]);
  stream = readFileSync(mp4);
});

describe("fragmented MP4 reader", () => {
  it("finds the init and every moof+mdat however the pipe chunks it", () => {
    const whole = readAll(stream, stream.length);
    const bytewise = readAll(stream, 7);
    expect(whole[0]?.kind).toBe("init");
    expect(whole.filter((e) => e.kind === "init")).toHaveLength(1);
    expect(bytewise.length).toBe(whole.length);
    expect(whole.filter((e) => e.kind === "fragment").length).toBeGreaterThan(80); // ~1 per frame, 3 s at 30 fps
    const init = whole[0] as Extract<TMp4Event, { kind: "init" }>;
    expect(listBoxes(init.bytes).map((b) => b.type)).toEqual(["ftyp", "moov"]);
  });

  it("refuses a stream that is not MP4 boxes", () => {
    const garbage = Buffer.alloc(64, 0xff);
    expect(() => new Mp4StreamReader().push(garbage)).toThrow(/not a fragmented MP4/);
  });
});

describe("fragments and parts", () => {
  let tracks: TTrack[];
  let fragments: Extract<TMp4Event, { kind: "fragment" }>[];
  beforeAll(() => {
    const events = readAll(stream, 65536);
    tracks = parseInit((events[0] as Extract<TMp4Event, { kind: "init" }>).bytes);
    fragments = events.filter((e): e is Extract<TMp4Event, { kind: "fragment" }> => e.kind === "fragment");
  });

  it("reads the tracks and times fragments by the video, keyframes once a second", () => {
    expect(tracks.map((t) => t.kind).sort()).toEqual(["audio", "video"]);
    const timings = fragments.map((f) => fragmentTiming(parseFragment(f.moof, f.mdat, tracks), tracks));
    const keyframes = timings.filter((t) => t.keyframe).map((t) => t.start);
    expect(keyframes.length).toBe(3);
    expect(keyframes[1]! - keyframes[0]!).toBeCloseTo(1, 1);
    const video = timings.reduce((n, t) => n + t.duration, 0);
    expect(video).toBeCloseTo(3, 0);
  });

  it("joins one-frame fragments into parts of 85-100% of PART-TARGET, cut at keyframes", () => {
    const builder = new PartBuilder();
    const parts = fragments.flatMap((f) => {
      const fr = parseFragment(f.moof, f.mdat, tracks);
      return builder.push({ bytes: Buffer.concat([f.moof, f.mdat]), ...fragmentTiming(fr, tracks) });
    });
    expect(parts.length).toBeGreaterThanOrEqual(12);
    for (const p of parts) {
      expect(p.duration).toBeLessThanOrEqual(PART_TARGET + 1e-6);
      if (!p.last) expect(p.duration).toBeGreaterThanOrEqual(PART_MIN - 1e-6);
    }
    // A part that ends a segment is followed by one that starts with a keyframe.
    parts.forEach((p, i) => {
      if (p.last) expect(parts[i + 1]?.keyframe ?? true).toBe(true);
    });
    expect(parts.filter((p) => p.keyframe)).toHaveLength(3);
  });

  it("splits a fragment longer than a part into decodable pieces", () => {
    // ffmpeg's own 1 s fragments (one per GOP), cut to fit PART-TARGET.
    const mp4 = path.join(dir, "gop.mp4");
    fragment(path.join(dir, "in.mkv"), mp4);
    const events = readAll(readFileSync(mp4), 1 << 20);
    const init = events[0] as Extract<TMp4Event, { kind: "init" }>;
    const t = parseInit(init.bytes);
    let seq = 1;
    const out: Buffer[] = [init.bytes];
    let pieces = 0;
    for (const e of events.slice(1)) {
      if (e.kind !== "fragment") continue;
      const f = parseFragment(e.moof, e.mdat, t);
      const split = splitFragment(f, t, PART_TARGET, () => seq++);
      pieces += split.length;
      for (const piece of split) {
        const moofSize = piece.readUInt32BE(0);
        const timing = fragmentTiming(
          parseFragment(piece.subarray(0, moofSize), piece.subarray(moofSize), t),
          t,
        );
        expect(timing.duration).toBeLessThanOrEqual(PART_TARGET + 1e-6);
      }
      out.push(...split);
    }
    expect(pieces).toBeGreaterThanOrEqual(12);
    // ffmpeg decodes the re-cut stream to the same 90 frames without an error.
    const cut = path.join(dir, "cut.mp4");
    writeFileSync(cut, Buffer.concat(out));
    const probe = spawnSync(ffmpeg, [
      "-hide_banner",
      "-v",
      "error",
      "-i",
      cut,
      "-map",
      "0:v",
      "-f",
      "framecrc",
      "-",
    ]);
    expect(probe.stderr.toString()).toBe("");
    expect(
      probe.stdout
        .toString()
        .split("\n")
        .filter((l) => /^0,/.test(l)),
    ).toHaveLength(90);
  });
});
