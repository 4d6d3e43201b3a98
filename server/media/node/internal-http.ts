import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { INTERNAL_HEADER, secretMatches } from "@/server/chat/internal-auth";
import type { Logger } from "@/server/log";
import { ROOM_ID_RE } from "@/server/media/config";
import { finishShowOutput } from "@/server/media/finish-output";
import { liveIngests } from "@/server/media/registry";

const SHOW_PATH = /^\/internal\/shows\/([a-z0-9]{8,40})(\/end)?$/;
const ZDrainBody = z.strictObject({ draining: z.boolean() });
const MAX_BODY = 1024;

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

const error = (res: ServerResponse, status: number, code: string, message: string) =>
  json(res, status, { error: { code, message } });

async function readJson(req: IncomingMessage): Promise<unknown> {
  let text = "";
  for await (const chunk of req) {
    text += String(chunk);
    if (text.length > MAX_BODY) throw new Error("too large");
  }
  return text ? JSON.parse(text) : {};
}

/**
 * The node's internal endpoints, for web processes only (INTERNAL_SECRET header, like the chat master's):
 * `GET /internal/shows/:roomId` (the studio's ingest stats), `POST /internal/shows/:roomId/end` (stop the
 * ingest, write the VOD) and `POST /internal/drain` `{ draining }` (the admin's switch, applied at once).
 * Answers false for any other path.
 */
export function createInternalHandler(opts: {
  secret: string;
  log: Logger;
  setDraining: (draining: boolean) => void;
}) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const pathname = (req.url ?? "").split("?")[0] ?? "";
    if (!pathname.startsWith("/internal/")) return false;
    if (!secretMatches(req.headers[INTERNAL_HEADER], opts.secret)) {
      error(res, 401, "UNAUTHENTICATED", "Internal endpoint.");
      return true;
    }
    void route(req, res, pathname, opts).catch((err: unknown) => {
      opts.log.error({ err, pathname }, "internal request failed");
      if (!res.headersSent) error(res, 500, "INTERNAL", "The media node failed this request.");
    });
    return true;
  };
}

async function route(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  opts: { setDraining: (d: boolean) => void },
): Promise<void> {
  if (pathname === "/internal/drain" && req.method === "POST") {
    const parsed = ZDrainBody.safeParse(await readJson(req).catch(() => null));
    if (!parsed.success) return error(res, 400, "INVALID", "Body must be { draining: boolean }.");
    opts.setDraining(parsed.data.draining);
    return json(res, 200, { draining: parsed.data.draining });
  }
  const match = SHOW_PATH.exec(pathname);
  const roomId = match?.[1];
  if (!roomId || !ROOM_ID_RE.test(roomId)) return error(res, 404, "NOT_FOUND", "Not found.");
  if (match[2] === "/end" && req.method === "POST") return json(res, 200, await finishShowOutput(roomId));
  if (!match[2] && req.method === "GET") {
    const ingest = liveIngests.get(roomId);
    return json(res, 200, {
      roomId,
      publishing: ingest?.publishing ?? false,
      stats: ingest?.stats() ?? null,
    });
  }
  error(res, 405, "METHOD_NOT_ALLOWED", "Method not allowed.");
}
