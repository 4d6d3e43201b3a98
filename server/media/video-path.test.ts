import { describe, expect, it } from "vitest";
import { KeyframeWatch, videoPathFor } from "@/server/media/video-path";

/** Frames at `fps` with a keyframe every `gop` frames, optionally one late frame (a stall). */
function observe(fps: number, gop: number, frames: number, stallAt = -1): boolean {
  const watch = new KeyframeWatch();
  let t = 0;
  for (let i = 0; i < frames; i++) {
    const duration = i === stallAt ? 2.5 : 1 / fps;
    if (watch.observe({ start: t, duration, keyframe: i % gop === 0, frames: 1 })) return true;
    t += duration;
  }
  return false;
}

describe("video path", () => {
  it("copies H.264 recordings and re-encodes the rest", () => {
    expect(videoPathFor("video/webm;codecs=h264,opus")).toBe("copy");
    expect(videoPathFor("video/x-matroska;codecs=avc1,opus")).toBe("copy");
    expect(videoPathFor("video/webm;codecs=avc1.42E01E,opus")).toBe("copy");
    expect(videoPathFor("video/webm;codecs=vp8,opus")).toBe("transcode");
    expect(videoPathFor("video/webm")).toBe("transcode");
  });

  it("falls back when keyframes come more than 2 s apart, not for 1 s keyframes or a stall", () => {
    expect(observe(30, 30, 600)).toBe(false);
    expect(observe(20, 20, 400)).toBe(false);
    expect(observe(30, 150, 600)).toBe(true);
    expect(observe(30, 30, 600, 100)).toBe(false);
  });
});
