import { describe, expect, it } from "vitest";
import { bufferedAhead, catchUpRate, CATCH_UP_RATE, startupSkip } from "@/lib/media/catch-up";

const ranges = (...r: [number, number][]): TimeRanges => ({
  length: r.length,
  start: (i: number) => r[i]![0],
  end: (i: number) => r[i]![1],
});

describe("live catch-up", () => {
  it("speeds up gently only when behind the target with enough buffered", () => {
    expect(catchUpRate({ latency: 1.2, target: 0.75, buffered: 0.5 })).toBe(CATCH_UP_RATE);
    expect(catchUpRate({ latency: 0.8, target: 0.75, buffered: 0.5 })).toBe(1); // within 0.12 s
    expect(catchUpRate({ latency: 1.2, target: 0.75, buffered: 0.2 })).toBe(1); // would stall
  });

  it("measures the buffer ahead in the range that holds the playhead", () => {
    expect(bufferedAhead(ranges([0, 2], [3, 5]), 3.5)).toBeCloseTo(1.5);
    expect(bufferedAhead(ranges([0, 2]), 2.5)).toBe(0);
  });

  it("jumps a just-started player to its target once the media up to it is buffered", () => {
    // Started on a keyframe 0.5 s behind the 0.75 s target, with 0.9 s buffered: jump 0.5 s.
    expect(startupSkip({ latency: 1.25, target: 0.75, buffered: 0.9 })).toBeCloseTo(0.5);
    expect(startupSkip({ latency: 1.25, target: 0.75, buffered: 0.5 })).toBe(0); // not buffered yet
    expect(startupSkip({ latency: 0.9, target: 0.75, buffered: 2 })).toBe(0); // close enough: the rate does it
    expect(startupSkip({ latency: 0.5, target: 0.75, buffered: 2 })).toBe(0); // ahead of the target
  });
});
