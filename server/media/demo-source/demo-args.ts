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

/** The generated camera: a moving colour pattern and a 440 Hz tone. */
function generatedCameraInput(size: string): string[] {
  return [
    ...["-f", "lavfi", "-i", `testsrc2=size=${size}:rate=30`],
    ...["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:beep_factor=4"],
  ];
}

const QUIET = ["-hide_banner", "-loglevel", "error", "-nostdin"];
const LIVE_MATROSKA_TO_STDOUT = ["-f", "matroska", "-live", "1", "pipe:1"];

/**
 * ffmpeg arguments for the generated camera encoded live: H.264 with a keyframe every second (a new Matroska
 * cluster starts at each, as with MediaRecorder) and Opus, written at real-time pace (`-re`) to stdout.
 * 640x360 ultrafast costs a few percent of one core for as long as it runs.
 */
export function demoSourceArgs(opts: { seconds?: number; size?: string } = {}): string[] {
  return [
    ...QUIET,
    "-re",
    ...generatedCameraInput(opts.size ?? "640x360"),
    ...(opts.seconds ? ["-t", String(opts.seconds)] : []),
    ...recorderLikeEncodeArgs(),
    ...LIVE_MATROSKA_TO_STDOUT,
  ];
}

/** How long the demo show's clip is before it starts again. */
export const DEMO_CLIP_SECONDS = 30;

/** The generated camera encoded once, as fast as it goes, to `file` (Matroska), for the demo to loop. */
export function demoClipArgs(file: string): string[] {
  return [
    ...QUIET,
    ...generatedCameraInput("640x360"),
    ...["-t", String(DEMO_CLIP_SECONDS), ...recorderLikeEncodeArgs(), "-y", "-f", "matroska", file],
  ];
}

/**
 * The clip played again and again at real-time pace without re-encoding: ffmpeg carries the timestamps on
 * across each restart, so the node sees one continuous recording at a fraction of the encoder's CPU.
 */
export function demoLoopArgs(file: string): string[] {
  return [...QUIET, "-re", "-stream_loop", "-1", "-i", file, "-c", "copy", ...LIVE_MATROSKA_TO_STDOUT];
}
