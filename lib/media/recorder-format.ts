/** MediaRecorder formats in order of preference: H.264 in WebM skips a decode on the server's side. */
const CANDIDATES = [
  "video/webm;codecs=h264,opus",
  "video/webm;codecs=avc1,opus",
  "video/webm;codecs=vp8,opus",
  "video/webm;codecs=vp9,opus",
  "video/webm",
];

/** The best WebM format this browser can record, or null (no MediaRecorder / no WebM). */
export function pickRecorderFormat(): string | null {
  if (typeof MediaRecorder === "undefined") return null;
  return CANDIDATES.find((t) => MediaRecorder.isTypeSupported(t)) ?? null;
}
