import { QUALITY_PRESETS, type TQuality } from "@/lib/media/ingest-protocol";
import type { TVideoPath } from "@/server/media/video-path";

/** Segment length in seconds: the GOP of the re-encode, and what the browser's 1 s keyframes give. */
export const SEGMENT_SECONDS = 1;
const FPS = 30;
/**
 * ffmpeg cuts a fragment at every keyframe and after this long (µs): one video frame at 30 fps. The
 * packager joins frames into parts of 0.2125-0.25 s (RFC 8216bis wants 85-100% of PART-TARGET); ffmpeg's
 * own 0.2 s fragments came out 0.167-0.235 s, which no PART-TARGET fits.
 */
const FRAGMENT_US = 30_000;

// Small probe: the WebM header already names the codecs; a large probe only delays the first part.
const INPUT = [
  "-hide_banner",
  "-nostdin",
  "-loglevel",
  "error",
  "-fflags",
  "+genpts+nobuffer",
  "-probesize",
  "65536",
  "-analyzeduration",
  "500000",
  "-f",
  "webm",
  "-i",
  "pipe:0",
  "-map",
  "0:v:0",
  "-map",
  "0:a:0?",
];

// Opus inside fMP4 is "experimental" for this ffmpeg and Safari wants AAC: the audio is always re-encoded,
// and that encode is nearly all of a copy-path show's CPU. The channel count stays the recording's: a
// seller's microphone with echo cancellation records mono, and upmixing it to stereo (as `-ac 2` did)
// doubled the encoder's work for nothing (20 s of 720p30 + tone on this machine: 0.70 s CPU as 128 kb/s
// stereo, 0.27 s as 96 kb/s mono). 96 kb/s is generous for a mono voice and fair for stereo.
const AUDIO = ["-c:a", "aac", "-b:a", "96k", "-ar", "48000"];

// Fragmented MP4 on stdout (the 2018 ffmpeg has no LL-HLS muxer): the packager makes parts and segments.
const OUTPUT = [
  "-f",
  "mp4",
  "-movflags",
  "empty_moov+default_base_moof+frag_keyframe",
  "-frag_duration",
  String(FRAGMENT_US),
  "-flush_packets",
  "1",
  "pipe:1",
];

/**
 * A keyframe every `frames` frames and none in between (no scene-cut keyframes), so every segment and every
 * Matroska cluster starts on one at the same pace.
 */
export function fixedGopArgs(frames: number): string[] {
  return ["-g", String(frames), "-keyint_min", String(frames), "-sc_threshold", "0"];
}

function x264(quality: TQuality): string[] {
  const preset = QUALITY_PRESETS[quality];
  const kbps = preset.videoKbps;
  return [
    "-vf",
    `scale=w=-2:h='min(${preset.height},ih)',format=yuv420p`,
    "-c:v",
    "libx264",
    "-preset",
    "veryfast",
    "-tune",
    "zerolatency",
    "-profile:v",
    "main",
    "-r",
    String(FPS),
    ...fixedGopArgs(FPS * SEGMENT_SECONDS),
    "-force_key_frames",
    `expr:gte(t,n_forced*${SEGMENT_SECONDS})`,
    "-b:v",
    `${kbps}k`,
    "-maxrate",
    `${kbps}k`,
    "-bufsize",
    `${kbps}k`,
  ];
}

/**
 * ffmpeg arguments: WebM/Matroska (H.264 or VP8/VP9 + Opus) on stdin → fragmented MP4 (H.264 + AAC) on
 * stdout. `copy` keeps the browser's H.264 as it is; `transcode` re-encodes it with x264 and a fixed 1 s
 * GOP, so every segment starts with a keyframe whatever the browser sent.
 */
export function transcodeArgs(opts: { quality: TQuality; path: TVideoPath }): string[] {
  const video = opts.path === "copy" ? ["-c:v", "copy"] : x264(opts.quality);
  return [...INPUT, ...video, ...AUDIO, ...OUTPUT];
}
