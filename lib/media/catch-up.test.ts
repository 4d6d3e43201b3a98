import { describe, expect, it } from "vitest";
import { bufferedAhead, catchUpRate, CATCH_UP_RATE } from "@/lib/media/catch-up";

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
});
