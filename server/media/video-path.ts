/**
 * Which way a show's video goes through the media node. `copy`: the browser already sends H.264 with
 * keyframes about every second, so ffmpeg only repackages it (and turns Opus into AAC): ~0.025 of a core
 * per 720p30 show. `transcode`: x264 re-encodes with a fixed 1 s GOP (~0.23 of a core), for browsers that
 * record VP8/VP9 or whose keyframes come too far apart for one-second segments.
 */
export type TVideoPath = "copy" | "transcode";
/** Why a show is re-encoded: the recorded codec, or keyframes seen too far apart. */
export type TTranscodeReason = "codec" | "keyframes";

/** Keyframes further apart than this make segments too long for the low-latency playlist: re-encode. */
export const MAX_KEYFRAME_GAP_S = 2;
/**
 * ...and this many frames since the last keyframe (2 s at 20 fps, Chromium's fake camera; a 30 fps camera
 * with 1 s keyframes sends 30). Time alone misfires: a browser starved of CPU (load average 27 in CI)
 * delivers a frame 2 s late, which is a stall, not sparse keyframes; counting frames tells them apart.
 */
export const MIN_FRAMES_IN_GAP = 40;

/** The path for a recording of this MediaRecorder MIME type (`video/webm;codecs=h264,opus`, …). */
export function videoPathFor(mimeType: string): TVideoPath {
  return /(^|[;,=\s])(h264|avc1)([.,;\s]|$)/i.test(mimeType) ? "copy" : "transcode";
}

/** Watches one generation's fragments (media time) for a keyframe gap longer than MAX_KEYFRAME_GAP_S. */
export class KeyframeWatch {
  private lastKeyframe: number | null = null;
  private frames = 0;

  /** True once the video has gone longer than the limit, and enough frames, without a keyframe. */
  observe(f: { start: number; duration: number; keyframe: boolean; frames: number }): boolean {
    if (f.keyframe) {
      this.lastKeyframe = f.start;
      this.frames = 0;
    }
    this.frames += f.frames;
    if (this.lastKeyframe === null) return false;
    return f.start + f.duration - this.lastKeyframe > MAX_KEYFRAME_GAP_S && this.frames > MIN_FRAMES_IN_GAP;
  }
}
