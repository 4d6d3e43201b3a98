import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { mkdirSync } from "node:fs";
import { createLogger } from "@/server/log";
import { mediaConfig } from "@/server/media/config";
import { createHlsFileHandler } from "@/server/media/hls-files";
import { createIngestUpgradeHandler } from "@/server/media/ingest-server";

/**
 * Puts the media tier on the web server: `/hls/...` files and the `/ingest/<roomId>` WebSocket.
 * Returns the HTTP handler to call before Next.js (true when it answered the request).
 */
export function mountMedia(server: Server): (req: IncomingMessage, res: ServerResponse) => boolean {
  const cfg = mediaConfig();
  mkdirSync(cfg.mediaDir, { recursive: true });
  const onUpgrade = createIngestUpgradeHandler();
  // Other upgrade paths (Next.js dev HMR) are left to their own listeners.
  server.on("upgrade", (req: IncomingMessage, socket, head: Buffer) => void onUpgrade(req, socket, head));
  createLogger("media").info({ mediaDir: cfg.mediaDir, ffmpeg: cfg.ffmpegPath }, "media tier mounted");
  return createHlsFileHandler(cfg.mediaDir);
}
