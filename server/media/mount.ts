import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { mkdirSync } from "node:fs";
import { createLogger } from "@/server/log";
import { mediaConfig } from "@/server/media/config";
import { createHlsFileHandler } from "@/server/media/hls-files";
import { createIngestUpgradeHandler } from "@/server/media/ingest-server";
import { refuseUpgrade } from "@/server/web/request-guard";

/**
 * Puts the media tier on the web server: `/hls/...` files and the `/ingest/<roomId>` WebSocket.
 * Returns the HTTP handler to call before Next.js (true when it answered the request).
 */
export function mountMedia(
  server: Server,
  opts: { keepUpgrade?: (req: IncomingMessage) => boolean } = {},
): (req: IncomingMessage, res: ServerResponse) => boolean {
  const cfg = mediaConfig();
  mkdirSync(cfg.mediaDir, { recursive: true });
  const onUpgrade = createIngestUpgradeHandler();
  // Upgrades to any other path used to stay open unanswered and pile up: they are closed at once, except
  // those another listener serves (`keepUpgrade`: Next.js dev HMR).
  server.on("upgrade", (req: IncomingMessage, socket, head: Buffer) => {
    if (onUpgrade(req, socket, head)) return;
    if (opts.keepUpgrade?.(req)) return;
    refuseUpgrade(socket);
  });
  createLogger("media").info({ mediaDir: cfg.mediaDir, ffmpeg: cfg.ffmpegPath }, "media tier mounted");
  return createHlsFileHandler(cfg.mediaDir);
}
