import * as HLS from "hls-parser";
import type { MediaPlaylist } from "hls-parser/types";
import { describe, expect, it } from "vitest";
import {
  renderLowLatencyPlaylist,
  startOffset,
  type TLiveSegment,
  type TOpenSegment,
  type TPart,
} from "@/server/media/ll-playlist";

const part = (uri: string, independent = false, duration = 0.25): TPart => ({ uri, duration, independent });
/** A 1 s segment of four 0.25 s parts, a keyframe on its first (what the studio's 1 s keyframes give). */
function segment(seq: number, withParts = true): TLiveSegment {
  return {
    seq,
    uri: `s${seq}.m4s`,
    duration: 1,
    discontinuity: false,
    discSeq: 0,
    programDateTime: Date.UTC(2026, 11, 6) + seq * 1000,
    map: "g0-init.mp4",
    parts: withParts ? [0, 1, 2, 3].map((i) => part(`p${seq}.${i}.m4s`, i === 0)) : [],
  };
}
function open(seq: number, parts: number): TOpenSegment {
  const { uri: _uri, duration: _duration, ...rest } = segment(seq);
  return { ...rest, parts: rest.parts.slice(0, parts) };
}

describe("where a joining player starts (EXT-X-START)", () => {
  it("is the newest keyframe at least the 0.75 s hold-back behind the end", () => {
    // The open segment has 3 parts (0.75 s): its first part starts exactly 0.75 s back.
    expect(startOffset({ segments: [segment(1), segment(2)], open: open(3, 3) })).toBeCloseTo(0.75);
    // 1 part (0.25 s) open: the previous segment's keyframe, 1.25 s back.
    expect(startOffset({ segments: [segment(1), segment(2)], open: open(3, 1) })).toBeCloseTo(1.25);
    // 4 parts open: 1.0 s back.
    expect(startOffset({ segments: [segment(2)], open: open(3, 4) })).toBeCloseTo(1);
    // No open segment: the last whole segment's keyframe is 1 s back.
    expect(startOffset({ segments: [segment(1), segment(2)], open: null })).toBeCloseTo(1);
  });

  it("counts segments listed without parts as starting on a keyframe, and gives none for a short window", () => {
    expect(startOffset({ segments: [segment(1, false)], open: open(2, 1) })).toBeCloseTo(1.25);
    expect(startOffset({ segments: [], open: open(1, 2) })).toBeNull();
    expect(startOffset({ segments: [], open: null })).toBeNull();
  });

  it("is written into the playlist as a negative, precise offset that a strict parser accepts", () => {
    HLS.setOptions({ strictMode: true, silent: true });
    const text = renderLowLatencyPlaylist({
      segments: [segment(1), segment(2)],
      open: open(3, 1),
      hint: "p3.1.m4s",
      targetDuration: 1,
    });
    expect(text).toContain("#EXT-X-START:TIME-OFFSET=-1.25000,PRECISE=YES\n");
    const parsed = HLS.parse(text) as MediaPlaylist;
    expect(parsed.start).toEqual({ offset: -1.25, precise: true });
    const short = renderLowLatencyPlaylist({
      segments: [],
      open: open(1, 1),
      hint: "p1.1.m4s",
      targetDuration: 1,
    });
    expect(short).not.toContain("EXT-X-START");
  });
});
