/** The live edge: LL-HLS playlist rendering (checked with hls-parser) and blocking reloads. */
import * as HLS from "hls-parser";
import type { MediaPlaylist } from "hls-parser/types";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  BLOCK_TIMEOUT_MS,
  parseBlockingQuery,
  reached,
  tooFarAhead,
  type TEdge,
} from "@/server/media/blocking-reload";
import { LiveEdge } from "@/server/media/live-edge";
import { PART_SEGMENTS } from "@/server/media/ll-playlist";
import { LIVE_WINDOW_SEGMENTS } from "@/server/media/playlist";

HLS.setOptions({ strictMode: true, silent: true });
const parse = (text: string) => HLS.parse(text) as MediaPlaylist;
const T0 = Date.UTC(2026, 0, 1);

type TSegmentOpts = { gen?: number; discontinuity?: boolean; discSeq?: number };

/** Starts segment `seq` (one second each from T0), with no parts yet. */
function openSegment(edge: LiveEdge, seq: number, opts: TSegmentOpts = {}): void {
  edge.startSegment({
    seq,
    discontinuity: opts.discontinuity ?? false,
    discSeq: opts.discSeq ?? 0,
    programDateTime: T0 + seq * 1000,
    map: `g${opts.gen ?? 0}-init.mp4`,
  });
}

/** A segment of four 0.233 s parts and a short last one, as the packager makes from 30 fps video. */
function feedSegment(edge: LiveEdge, seq: number, opts: TSegmentOpts = {}): void {
  const gen = opts.gen ?? 0;
  openSegment(edge, seq, opts);
  const durations = [0.2333, 0.2333, 0.2333, 0.2333, 0.0667];
  durations.forEach((d, i) => {
    edge.addPart(Buffer.from(`seg${seq}-part${i}`), d, i === 0);
    edge.publish(T0 + seq * 1000 + i * 233);
  });
  edge.closeSegment(`g${gen}-${String(seq).padStart(5, "0")}.m4s`, 1);
  edge.publish();
}

function newEdge(): LiveEdge {
  const edge = new LiveEdge();
  edge.addInit("g0-init.mp4", Buffer.from("init"));
  return edge;
}

describe("the live playlist", () => {
  it("is not served before the first whole segment", async () => {
    vi.useFakeTimers();
    const edge = newEdge();
    openSegment(edge, 0);
    edge.addPart(Buffer.from("p"), 0.2333, true);
    edge.publish();
    const pending = edge.playlist(null);
    await vi.advanceTimersByTimeAsync(BLOCK_TIMEOUT_MS + 10);
    expect(await pending).toBeNull();
    vi.useRealTimers();
  });

  it("lists whole segments, parts for the last segments and a preload hint, valid RFC 8216bis", async () => {
    const edge = newEdge();
    for (let seq = 0; seq < 10; seq++) feedSegment(edge, seq);
    openSegment(edge, 10);
    edge.addPart(Buffer.from("open"), 0.2333, true);
    edge.publish();
    const got = await edge.playlist(null);
    const p = parse(typeof got === "object" && got ? got.text : "");
    expect(p.targetDuration).toBe(1);
    expect(p.partTargetDuration).toBe(0.25);
    expect(p.lowLatencyCompatibility).toMatchObject({ canBlockReload: true, partHoldBack: 0.75 });
    const whole = p.segments.filter((s) => s.uri);
    expect(whole).toHaveLength(LIVE_WINDOW_SEGMENTS);
    expect(p.mediaSequenceBase).toBe(10 - LIVE_WINDOW_SEGMENTS);
    // Parts: the last PART_SEGMENTS - 1 whole segments and the open one.
    const withParts = p.segments.filter((s) => s.parts.some((x) => !x.hint));
    expect(withParts.map((s) => s.mediaSequenceNumber)).toEqual([10 - PART_SEGMENTS + 1, 9, 10]);
    expect(withParts[0]!.parts[0]).toMatchObject({ independent: true });
    expect(p.segments.at(-1)!.parts.at(-1)).toMatchObject({ hint: true, uri: edge.hint });
    expect(whole.every((s) => s.programDateTime instanceof Date && s.map.uri === "g0-init.mp4")).toBe(true);
  });

  it("keeps discontinuities and their sequence as a new generation takes over", async () => {
    const edge = newEdge();
    for (let seq = 0; seq < 3; seq++) feedSegment(edge, seq);
    edge.addInit("g1-init.mp4", Buffer.from("init1"));
    for (let seq = 3; seq < 12; seq++)
      feedSegment(edge, seq, { gen: 1, discontinuity: seq === 3, discSeq: 1 });
    const got = await edge.playlist(null);
    const text = typeof got === "object" && got ? got.text : "";
    expect(text).toContain("#EXT-X-DISCONTINUITY-SEQUENCE:1");
    expect(text).not.toContain("g0-init.mp4");
    // The old generation's init left memory with its segments; the new one is served from memory.
    expect(await edge.file("g0-init.mp4")).toBeUndefined();
    expect((await edge.file("g1-init.mp4"))?.toString()).toBe("init1");
    parse(text);
  });

  it("serves parts and recent segments from memory, forgetting parts that left the playlist", async () => {
    const edge = newEdge();
    const firstPart = edge.hint;
    for (let seq = 0; seq < 6; seq++) feedSegment(edge, seq);
    expect((await edge.file("g0-00005.m4s"))?.toString()).toContain("seg5-part0");
    const listed = /URI="(p[^"]+)"/.exec(((await edge.playlist(null)) as { text: string }).text)?.[1];
    expect(listed && (await edge.file(listed))).toBeTruthy();
    // Segment 0 is still in the window (whole), but its parts are gone from the playlist and from memory.
    expect(await edge.file("g0-00000.m4s")).toBeTruthy();
    expect(await edge.file(firstPart)).toBeUndefined();
  });
});

describe("blocking playlist reloads", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("holds a request until its part is published, waking it without polling", async () => {
    const edge = newEdge();
    feedSegment(edge, 0);
    openSegment(edge, 1);
    let answered: unknown = null;
    void edge.playlist({ msn: 1, part: 0 }).then((p) => (answered = p));
    await vi.advanceTimersByTimeAsync(500);
    expect(answered).toBeNull();
    expect(edge.waiting).toBe(1);
    edge.addPart(Buffer.from("x"), 0.2333, true);
    edge.publish(T0 + 2000);
    await vi.advanceTimersByTimeAsync(0);
    expect(answered).toMatchObject({ at: T0 + 2000 });
    expect((answered as { text: string }).text).toContain('#EXT-X-PART:DURATION=0.23330,URI="');
    expect(edge.waiting).toBe(0);
  });

  it("gives the current playlist after the timeout, and refuses a request too far ahead", async () => {
    const edge = newEdge();
    feedSegment(edge, 0);
    const pending = edge.playlist({ msn: 2, part: 0 });
    await vi.advanceTimersByTimeAsync(BLOCK_TIMEOUT_MS + 1);
    expect(((await pending) as { text: string }).text).toContain("#EXTM3U");
    expect(await edge.playlist({ msn: 4, part: 0 })).toBe("too-far");
  });

  it("blocks a request for the hinted part until it exists; other unknown parts are 404 at once", async () => {
    const edge = newEdge();
    feedSegment(edge, 0);
    openSegment(edge, 1);
    const hint = edge.hint;
    const pending = edge.file(hint);
    expect(await edge.file("pnope-99.m4s")).toBeUndefined();
    edge.addPart(Buffer.from("hinted"), 0.2333, true);
    edge.publish();
    expect((await pending)?.toString()).toBe("hinted");
  });

  it("releases every blocked request when the show ends", async () => {
    const edge = newEdge();
    feedSegment(edge, 0);
    const pending = edge.playlist({ msn: 1, part: 3 });
    edge.end();
    expect(((await pending) as { text: string }).text).toContain("#EXTM3U");
  });
});

describe("blocking reload rules", () => {
  const edge: TEdge = {
    lastComplete: 4,
    partsOf: (seq) => (seq === 4 ? 5 : undefined),
    openSeq: 5,
    openParts: 2,
  };

  it("knows which parts exist, a part past a segment's last meaning the next segment's first", () => {
    expect(reached(edge, 4, undefined)).toBe(true);
    expect(reached(edge, 5, undefined)).toBe(false);
    expect(reached(edge, 4, 4)).toBe(true);
    expect(reached(edge, 4, 5)).toBe(true); // = msn 5 part 0, which exists
    expect(reached(edge, 5, 1)).toBe(true);
    expect(reached(edge, 5, 2)).toBe(false);
    expect(reached(edge, 3, 9)).toBe(true);
    expect(tooFarAhead(edge, 7)).toBe(false);
    expect(tooFarAhead(edge, 8)).toBe(true);
  });

  it("validates the query", () => {
    expect(parseBlockingQuery(new URLSearchParams(""))).toBeNull();
    expect(parseBlockingQuery(new URLSearchParams("_HLS_msn=3&_HLS_part=1"))).toEqual({ msn: 3, part: 1 });
    expect(parseBlockingQuery(new URLSearchParams("_HLS_msn=3"))).toEqual({ msn: 3, part: undefined });
    expect(parseBlockingQuery(new URLSearchParams("_HLS_part=1"))).toHaveProperty("error");
    expect(parseBlockingQuery(new URLSearchParams("_HLS_msn=-1"))).toHaveProperty("error");
    expect(parseBlockingQuery(new URLSearchParams("_HLS_msn=1e99"))).toHaveProperty("error");
  });
});
