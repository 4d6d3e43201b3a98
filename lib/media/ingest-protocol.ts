import { z } from "zod";

/**
 * The browser ingest protocol over one WebSocket at `/ingest/<roomId>` (docs/MEDIA.md).
 * Text frames are JSON control messages; binary frames are MediaRecorder chunks prefixed with their
 * sequence number (4 bytes, big-endian), so a publisher that reconnects can resume where the server is.
 */
export const INGEST_PATH_PREFIX = "/ingest/";

export const ZQuality = z.enum(["720p", "480p"]);
export type TQuality = z.infer<typeof ZQuality>;

export const QUALITY_PRESETS: Record<TQuality, { width: number; height: number; videoKbps: number }> = {
  "720p": { width: 1280, height: 720, videoKbps: 2500 },
  "480p": { width: 854, height: 480, videoKbps: 1000 },
};

export const ZClientMessage = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("hello"),
    /** Random id of the publisher's recording; the same epoch on reconnect asks to resume. */
    epoch: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
    mimeType: z.string().max(100),
    quality: ZQuality,
  }),
]);
export type TClientMessage = z.infer<typeof ZClientMessage>;

export type TIngestStats = {
  receivedKbps: number;
  segments: number;
  restarts: number;
  viewers: number;
  /** `copy`: the browser's H.264 is packaged as it is; `transcode`: the server re-encodes it (x264). */
  videoPath: "copy" | "transcode";
  /** Why the server re-encodes: the recorded codec is not H.264, or its keyframes came too far apart. */
  transcodeReason: "codec" | "keyframes" | null;
};

export type TServerMessage =
  /** `resumeAt` is the next sequence number the server expects: 0 means "send a fresh recording". */
  | { type: "ready"; resumeAt: number; maxChunkBytes: number; maxKbps: number }
  | { type: "live"; startedAt: string; hlsUrl: string }
  | { type: "stats"; stats: TIngestStats }
  | { type: "warning"; code: TIngestErrorCode; message: string }
  | { type: "ended" };

/** Close codes in the 4000 range carry a human-readable reason too. */
export const INGEST_CLOSE = {
  UNAUTHENTICATED: 4401,
  FORBIDDEN: 4403,
  NOT_FOUND: 4404,
  CONFLICT: 4409,
  ENDED: 4410,
  TOO_FAST: 4413,
  BAD_MESSAGE: 4400,
  CAPACITY: 4503,
  TAKEN_OVER: 4408,
  /** No media for MEDIA_IDLE_SECONDS (10 s) after hello or mid-show: the slot is freed for other shows. */
  IDLE: 4420,
  /** The bytes are not a WebM/Matroska recording, or ffmpeg cannot decode them. */
  BAD_MEDIA: 4415,
  /** The media node is draining: it keeps its running shows but takes no new one. */
  DRAINING: 4503,
} as const;

export type TIngestErrorCode = "CHUNK_TOO_LARGE" | "OUT_OF_ORDER" | "BAD_MESSAGE" | "SLOW_UPLINK";

export function encodeChunk(seq: number, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + data.byteLength);
  new DataView(out.buffer).setUint32(0, seq >>> 0, false);
  out.set(data, 4);
  return out;
}
