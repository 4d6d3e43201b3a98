import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { createLogger } from "@/server/log";
import { recordPlaylistFetch } from "@/server/media/viewer-count";

const log = createLogger("media");
/** Only names the packager writes: a room id directory and a flat file name. No dots, no slashes. */
const HLS_PATH = /^\/hls\/([a-z0-9]{8,40})\/([A-Za-z0-9_-]{1,64})\.(m3u8|ts)$/;

/** Serves `/hls/<roomId>/<file>` from the media directory; answers false for any other path. */
export function createHlsFileHandler(
  mediaDir: string,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  const root = path.resolve(mediaDir);
  return (req, res) => {
    const pathname = (req.url ?? "").split("?")[0] ?? "";
    if (!pathname.startsWith("/hls/")) return false;
    const match = HLS_PATH.exec(pathname);
    if (!match || (req.method !== "GET" && req.method !== "HEAD")) {
      res
        .writeHead(match ? 405 : 404, { "content-type": "text/plain" })
        .end(match ? "Method Not Allowed" : "Not Found");
      return true;
    }
    const [, roomId = "", name = "", ext = ""] = match;
    const file = path.join(root, roomId, `${name}.${ext}`);
    if (!file.startsWith(root + path.sep)) {
      res.writeHead(404).end();
      return true;
    }
    void serveFile(req, res, file, ext, roomId).catch((err: unknown) => {
      log.error({ err, roomId, file: name }, "HLS file read failed");
      if (!res.headersSent) res.writeHead(500).end();
    });
    return true;
  };
}

async function serveFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  ext: string,
  roomId: string,
): Promise<void> {
  const common = { "access-control-allow-origin": "*", "x-content-type-options": "nosniff" };
  if (ext === "m3u8") {
    const text = await readFile(file).catch(() => null);
    if (!text) return void res.writeHead(404, { ...common, "cache-control": "no-cache" }).end();
    // Behind the web tier (or a proxy) the viewer is the first x-forwarded-for address.
    const forwarded = String(req.headers["x-forwarded-for"] ?? "")
      .split(",")[0]
      ?.trim();
    recordPlaylistFetch(
      roomId,
      `${forwarded || req.socket.remoteAddress || ""}|${req.headers["user-agent"] ?? ""}`,
    );
    // Playlists change every second: always revalidate.
    res.writeHead(200, {
      ...common,
      "content-type": "application/vnd.apple.mpegurl",
      "cache-control": "no-cache",
      "content-length": text.length,
    });
    return void res.end(req.method === "HEAD" ? undefined : text);
  }
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return void res.writeHead(404, { ...common, "cache-control": "no-cache" }).end();
  // A segment never changes once listed.
  res.writeHead(200, {
    ...common,
    "content-type": "video/mp2t",
    "cache-control": "public, max-age=31536000, immutable",
    "content-length": info.size,
  });
  if (req.method === "HEAD") return void res.end();
  createReadStream(file)
    .on("error", () => res.destroy())
    .pipe(res);
}
