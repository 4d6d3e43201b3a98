import { QUALITY_PRESETS, type TQuality } from "@/lib/media/ingest-protocol";

/** Segment length in seconds: also the GOP, so every segment starts with a keyframe. */
export const SEGMENT_SECONDS = 1;
const FPS = 30;

/**
 * ffmpeg arguments: WebM (H.264 or VP8/VP9 + Opus) on stdin → H.264/AAC with a fixed 1 s GOP, cut into
 * 1 s MPEG-TS segments. The segment muxer reports each finished segment on fd 3 (CSV: file,start,end),
 * so the packager learns about it the moment it is closed instead of polling a playlist.
 */
export function transcodeArgs(opts: { quality: TQuality; segmentPattern: string }): string[] {
  const preset = QUALITY_PRESETS[opts.quality];
  const kbps = preset.videoKbps;
  return [
    "-hide_banner",
    "-nostdin",
    "-loglevel",
    "error",
    // Small probe: the WebM header already names the codecs; a large probe only delays the first segment.
    "-fflags",
    "+genpts",
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
    "-g",
    String(FPS * SEGMENT_SECONDS),
    "-keyint_min",
    String(FPS * SEGMENT_SECONDS),
    "-sc_threshold",
    "0",
    "-force_key_frames",
    `expr:gte(t,n_forced*${SEGMENT_SECONDS})`,
    "-b:v",
    `${kbps}k`,
    "-maxrate",
    `${kbps}k`,
    "-bufsize",
    `${kbps}k`,
    "-c:a",
    "aac",
    "-b:a",
    "128k",
    "-ar",
    "48000",
    "-ac",
    "2",
    "-f",
    "segment",
    "-segment_format",
    "mpegts",
    "-segment_time",
    String(SEGMENT_SECONDS),
    "-segment_list",
    "pipe:3",
    "-segment_list_type",
    "csv",
    "-segment_list_flags",
    "live",
    opts.segmentPattern,
  ];
}
