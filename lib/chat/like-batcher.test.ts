import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LIKE_BATCH_MAX } from "@/lib/chat/engage-protocol";
import { LikeBatcher, LIKE_SEND_MS } from "@/lib/chat/like-batcher";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A batcher on the fake clock that records each packet's tap count. */
function recording(): { sent: number[]; batcher: LikeBatcher } {
  const sent: number[] = [];
  return {
    sent,
    batcher: new LikeBatcher(
      (n) => sent.push(n),
      () => Date.now(),
    ),
  };
}

describe("heart taps leaving the browser", () => {
  it("sends the first tap at once and the next ones together, at most twice a second", () => {
    const { sent, batcher } = recording();
    batcher.tap();
    expect(sent).toEqual([1]);
    for (let i = 0; i < 4; i++) {
      vi.advanceTimersByTime(100);
      batcher.tap();
    }
    expect(sent).toEqual([1]);
    vi.advanceTimersByTime(LIKE_SEND_MS);
    expect(sent).toEqual([1, 4]);
    // Five taps a second for two seconds: four or five packets, ten taps.
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(200);
      batcher.tap();
    }
    vi.advanceTimersByTime(LIKE_SEND_MS);
    expect(sent.slice(2).reduce((a, b) => a + b, 0)).toBe(10);
    expect(sent.length - 2).toBeLessThanOrEqual(5);
  });

  it("caps a batch at what one packet may carry, flushes on demand and drops on stop", () => {
    const { sent, batcher } = recording();
    batcher.tap();
    for (let i = 0; i < 50; i++) batcher.tap();
    batcher.flush();
    expect(sent).toEqual([1, LIKE_BATCH_MAX]);
    batcher.tap();
    vi.advanceTimersByTime(10);
    batcher.tap();
    batcher.stop();
    vi.advanceTimersByTime(LIKE_SEND_MS * 2);
    expect(sent).toEqual([1, LIKE_BATCH_MAX]);
  });
});
