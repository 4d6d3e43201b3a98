import { fixedGopArgs } from "@/server/media/transcode-args";

/** The show the demo source keeps live on a fresh install (seeded by scripts/seed.ts). */
export const DEMO_ON_AIR_SLUG = "demo-on-air";

/** What the studio would send: H.264 + Opus in Matroska, as Chrome's MediaRecorder does. */
export const DEMO_MIME_TYPE = "video/x-matroska;codecs=avc1.42E01E,opus";

/**
 * What Chrome's MediaRecorder encodes with `codecs=avc1.42E01E,opus`: H.264 Constrained Baseline, fast and
 * without look-ahead, a keyframe every `gopFrames` frames (30 = 1 s at 30 fps), and Opus.
 */
export function recorderLikeEncodeArgs(gopFrames = 30): string[] {
  return [
    ...["-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-profile:v", "baseline"],
    ...["-pix_fmt", "yuv420p", ...fixedGopArgs(gopFrames), "-b:v", "800k"],
    ...["-c:a", "libopus", "-b:a", "64k"],
  ];
}

/**
 * ffmpeg arguments for a generated camera: a moving colour pattern and a 440 Hz tone, H.264 with a keyframe
 * every second (a new Matroska cluster starts at each, as with MediaRecorder) and Opus, written at real-time
 * pace (`-re`) to stdout. 640x360 ultrafast costs a few percent of one core.
 */
export function demoSourceArgs(opts: { seconds?: number; size?: string } = {}): string[] {
  return [
    "-hide_banner",
    "-loglevel",
    "error",
    "-nostdin",
    "-re",
    "-f",
    "lavfi",
    "-i",
    `testsrc2=size=${opts.size ?? "640x360"}:rate=30`,
    "-f",
    "lavfi",
    "-i",
    "sine=frequency=440:sample_rate=48000:beep_factor=4",
    ...(opts.seconds ? ["-t", String(opts.seconds)] : []),
    ...recorderLikeEncodeArgs(),
    "-f",
    "matroska",
    "-live",
    "1",
    "pipe:1",
  ];
}
