import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { createLogger } from "@/server/log";
import { parseBlockingQuery } from "@/server/media/blocking-reload";
import type { LiveEdge } from "@/server/media/live-edge";
import { liveEdges } from "@/server/media/live-edges";
import { recordPlaylistFetch } from "@/server/media/viewer-count";

const log = createLogger("media");
/** Only names the packager writes: a room id directory and a flat file name. No dots, no slashes. */
const HLS_PATH = /^\/hls\/([a-z0-9]{8,40})\/([A-Za-z0-9_-]{1,64})\.(m3u8|ts|m4s|mp4)$/;
const TYPES: Record<string, string> = { ts: "video/mp2t", m4s: "video/mp4", mp4: "video/mp4" };
const COMMON = { "access-control-allow-origin": "*", "x-content-type-options": "nosniff" };
/** Header on live playlists: when (ms since epoch) this text was rendered, i.e. its newest part published. */
const PLAYLIST_AT_HEADER = "x-onair-playlist-at";

type THandler = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * Serves `/hls/<roomId>/<file>`: a live show's playlist, parts and recent segments from its live edge in
 * memory (blocking reloads included), everything else from the media directory. Answers false for any
 * other path, so whichever process hosts the media tier can mount it in front of its own routes.
 */
export function createHlsFileHandler(mediaDir: string, edges: Map<string, LiveEdge> = liveEdges): THandler {
  const root = path.resolve(mediaDir);
  return (req, res) => {
    const [pathname = "", search = ""] = (req.url ?? "").split("?");
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
    const edge = edges.get(roomId);
    const served =
      ext === "m3u8" && name === "index" && edge
        ? serveLivePlaylist(req, res, edge, new URLSearchParams(search), roomId)
        : serveFile(req, res, file, ext, roomId, edge);
    void served.catch((err: unknown) => {
      log.error({ err, roomId, file: name }, "HLS response failed");
      if (!res.headersSent) res.writeHead(500).end();
    });
    return true;
  };
}

function clientOf(req: IncomingMessage): string {
  // Behind the web tier (or a proxy) the viewer is the first x-forwarded-for address.
  const forwarded = String(req.headers["x-forwarded-for"] ?? "")
    .split(",")[0]
    ?.trim();
  return `${forwarded || req.socket.remoteAddress || ""}|${req.headers["user-agent"] ?? ""}`;
}

function sendPlaylist(
  req: IncomingMessage,
  res: ServerResponse,
  text: string,
  extra: Record<string, string> = {},
): void {
  // Playlists change with every part: never cached (CDNs key blocking reloads by their query string).
  res.writeHead(200, {
    ...COMMON,
    ...extra,
    "content-type": "application/vnd.apple.mpegurl",
    "cache-control": "no-cache",
    "content-length": Buffer.byteLength(text),
  });
  res.end(req.method === "HEAD" ? undefined : text);
}

async function serveLivePlaylist(
  req: IncomingMessage,
  res: ServerResponse,
  edge: LiveEdge,
  search: URLSearchParams,
  roomId: string,
): Promise<void> {
  const q = parseBlockingQuery(search);
  if (q && "error" in q)
    return void res.writeHead(400, { ...COMMON, "content-type": "text/plain" }).end(q.error);
  const playlist = await edge.playlist(q);
  if (playlist === "too-far") {
    return void res
      .writeHead(400, { ...COMMON, "content-type": "text/plain" })
      .end("_HLS_msn is more than two segments ahead of the playlist");
  }
  // Before the first whole segment there is nothing a player can start from.
  if (!playlist) return void res.writeHead(404, { ...COMMON, "cache-control": "no-cache" }).end();
  recordPlaylistFetch(roomId, clientOf(req));
  sendPlaylist(req, res, playlist.text, { [PLAYLIST_AT_HEADER]: String(playlist.at) });
}

async function serveFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  ext: string,
  roomId: string,
  edge: LiveEdge | undefined,
): Promise<void> {
  if (ext === "m3u8") {
    const text = await readFile(file, "utf8").catch(() => null);
    if (!text) return void res.writeHead(404, { ...COMMON, "cache-control": "no-cache" }).end();
    recordPlaylistFetch(roomId, clientOf(req));
    return sendPlaylist(req, res, text);
  }
  // Parts, init and segments never change once named: cache them for good.
  const immutable = {
    ...COMMON,
    "content-type": TYPES[ext] ?? "application/octet-stream",
    "cache-control": "public, max-age=31536000, immutable",
  };
  const inMemory = ext !== "ts" ? await edge?.file(path.basename(file)) : undefined;
  if (inMemory) {
    res.writeHead(200, { ...immutable, "content-length": inMemory.length });
    return void res.end(req.method === "HEAD" ? undefined : inMemory);
  }
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return void res.writeHead(404, { ...COMMON, "cache-control": "no-cache" }).end();
  res.writeHead(200, { ...immutable, "content-length": info.size });
  if (req.method === "HEAD") return void res.end();
  createReadStream(file)
    .on("error", () => res.destroy())
    .pipe(res);
}
