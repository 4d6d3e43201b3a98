import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { PLAYER_SCRIPT_PATH } from "@/lib/media/player-script";

type TScript = { plain: Buffer; gzip: Buffer };
let script: TScript | null = null;

/** hls.js's light build from node_modules, read and compressed once, on the first request. */
function load(): TScript {
  if (!script) {
    const file = createRequire(import.meta.url).resolve("hls.js/dist/hls.light.min.js");
    const plain = readFileSync(file);
    script = { plain, gzip: gzipSync(plain, { level: 9 }) };
  }
  return script;
}

/**
 * Serves hls.js for the live page's boot script (lib/media/live-boot-script.ts) at PLAYER_SCRIPT_PATH,
 * straight from the web tier's HTTP server: the versioned address is cached for a year. True when handled.
 */
export function servePlayerScript(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.url !== PLAYER_SCRIPT_PATH) return false;
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { allow: "GET, HEAD", "content-type": "application/json" });
    res.end(
      JSON.stringify({ error: { code: "METHOD_NOT_ALLOWED", message: "Only GET and HEAD are allowed." } }),
    );
    return true;
  }
  const { plain, gzip } = load();
  const gzipped = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
  const body = gzipped ? gzip : plain;
  res.writeHead(200, {
    "content-type": "text/javascript; charset=utf-8",
    "cache-control": "public, max-age=31536000, immutable",
    "content-length": body.length,
    "x-content-type-options": "nosniff",
    vary: "accept-encoding",
    ...(gzipped ? { "content-encoding": "gzip" } : {}),
  });
  res.end(req.method === "HEAD" ? undefined : body);
  return true;
}
