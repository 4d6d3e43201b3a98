import path from "node:path";
import { createRequire } from "node:module";
import { env } from "@/server/env";

export type TMediaConfig = {
  ffmpegPath: string;
  mediaDir: string;
  maxChunkBytes: number;
  maxKbps: number;
  maxShowBytes: number;
  maxLiveShows: number;
  /** Re-encoded (x264) shows among them: the fallback path costs ~8x the copy path. */
  maxTranscodes: number;
  reconnectGraceMs: number;
  testSource: boolean;
  /** No media for this long (after hello or mid-show) closes the ingest and frees its slot; default 10 s. */
  idleMs?: number;
  /** Page origins allowed to open the ingest WebSocket besides the request's own host (ingest-origin.ts). */
  allowedOrigins?: string[];
};

/** Defaults for the optional settings, so tests can build a config with only the fields they care about. */
export const DEFAULT_IDLE_MS = 10_000;

/** FFMPEG_PATH wins so operators can use a newer system ffmpeg; else the static one shipped in npm. */
export function ffmpegPath(): string {
  const fromEnv = env().FFMPEG_PATH;
  if (fromEnv) return fromEnv;
  const require = createRequire(path.join(process.cwd(), "package.json"));
  return (require("@ffmpeg-installer/ffmpeg") as { path: string }).path;
}

let cached: TMediaConfig | undefined;

/** Media settings from the environment (docs/MEDIA.md lists every limit). */
export function mediaConfig(): TMediaConfig {
  if (cached) return cached;
  const e = env();
  let resolvedFfmpeg: string | undefined;
  cached = {
    // Resolved on first use: Next.js route handlers read the limits but never start ffmpeg.
    get ffmpegPath() {
      return (resolvedFfmpeg ??= ffmpegPath());
    },
    mediaDir: path.resolve(e.MEDIA_DIR),
    maxChunkBytes: e.MEDIA_MAX_CHUNK_KB * 1024,
    maxKbps: e.MEDIA_MAX_KBPS,
    maxShowBytes: e.MEDIA_MAX_SHOW_MB * 1024 * 1024,
    maxLiveShows: e.MEDIA_MAX_LIVE_SHOWS,
    maxTranscodes: e.MEDIA_MAX_TRANSCODES,
    reconnectGraceMs: e.MEDIA_RECONNECT_GRACE_SECONDS * 1000,
    testSource: e.MEDIA_TEST_SOURCE,
    idleMs: e.MEDIA_IDLE_SECONDS * 1000,
    allowedOrigins: [...(e.PUBLIC_URL ? [e.PUBLIC_URL] : []), ...(e.MEDIA_ALLOWED_ORIGINS ?? [])],
  };
  return cached;
}

/** Tests run several servers with their own settings in one process. */
export function setMediaConfigForTests(config: TMediaConfig): void {
  cached = config;
}

/** Room ids are cuids; anything else never reaches the file system. */
export const ROOM_ID_RE = /^[a-z0-9]{8,40}$/;

export function roomDir(mediaDir: string, roomId: string): string {
  if (!ROOM_ID_RE.test(roomId)) throw new Error(`invalid room id ${roomId}`);
  return path.join(mediaDir, roomId);
}
