import { Agent, type IncomingMessage, type ServerResponse } from "node:http";
import { connect } from "node:net";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import { INGEST_PATH_PREFIX } from "@/lib/media/ingest-protocol";
import { db } from "@/server/db";
import { createLogger } from "@/server/log";
import { ensureMediaNode, mediaNodeForRoom, type TNodeTarget } from "@/server/media/nodes/assign-media-node";
import { canPublish } from "@/server/media/nodes/can-publish";
import { forwardRequest, HOP_BY_HOP } from "@/server/media/nodes/forward-request";
import { refuseUpgrade } from "@/server/web/request-guard";

const log = createLogger("media:proxy");
/** The names the packager writes (server/media/hls-files.ts): a room id and a flat file name, nothing else. */
const HLS_PATH = /^\/hls\/([a-z0-9]{8,40})\/[A-Za-z0-9_.-]{1,80}$/;
/** `/ingest/<room id or slug>`: anything else is not a show. */
const ROOM_KEY = /^[A-Za-z0-9_-]{1,100}$/;
/** Room → node lookups for HLS, reused this long: a playlist is asked for several times a second per viewer. */
const LOOKUP_TTL_MS = 2000;
/** A blocking playlist reload may wait three part-targets or more on the node; leave room above that. */
const UPSTREAM_TIMEOUT_MS = 15_000;

type TLookup = { at: number; target: Promise<TNodeTarget | null> };

/**
 * The web tier's door to the media nodes: `/hls/<roomId>/…` and the `/ingest/<roomId>` WebSocket are
 * forwarded to the node that holds the show, read from the database (Room.mediaNodeId, MediaNode). The
 * web process keeps no media state: any web process behind the proxy answers any request, and the URLs
 * handed to browsers stay relative to the web tier (same origin: cookies, CSP, no mixed content).
 */
export function createMediaProxy() {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const lookups = new Map<string, TLookup>();
  const refuser = new WebSocketServer({ noServer: true });

  function nodeFor(roomId: string): Promise<TNodeTarget | null> {
    const now = Date.now();
    const hit = lookups.get(roomId);
    if (hit && now - hit.at < LOOKUP_TTL_MS) return hit.target;
    const target = mediaNodeForRoom(roomId).catch(() => null);
    lookups.set(roomId, { at: now, target });
    if (lookups.size > 10_000)
      for (const [k, v] of lookups) if (now - v.at > LOOKUP_TTL_MS) lookups.delete(k);
    return target;
  }

  /** HTTP: answers true for `/hls/…` (forwarded, or a 404/502 of our own), false for anything else. */
  function http(req: IncomingMessage, res: ServerResponse): boolean {
    const url = req.url ?? "";
    const pathname = url.split("?")[0] ?? "";
    if (!pathname.startsWith("/hls/")) return false;
    const roomId = HLS_PATH.exec(pathname)?.[1];
    if (!roomId || (req.method !== "GET" && req.method !== "HEAD")) {
      res
        .writeHead(roomId ? 405 : 404, { "content-type": "text/plain" })
        .end(roomId ? "Method Not Allowed" : "Not Found");
      return true;
    }
    void nodeFor(roomId).then((node) => {
      if (!node) return unavailable(res);
      forwardRequest(new URL(url, node.url), req, res, {
        agent,
        headers: forwardHeaders(req),
        timeoutMs: UPSTREAM_TIMEOUT_MS,
        onUnreachable: (err) => {
          log.warn({ roomId, nodeId: node.nodeId, err: err.message }, "media node unreachable for HLS");
          lookups.delete(roomId);
          if (!res.headersSent) unavailable(res);
          else res.destroy();
        },
      });
    });
    return true;
  }

  /** Upgrade: answers true for `/ingest/…` (piped to the show's node, assigned here if it has none). */
  function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const pathname = (req.url ?? "").split("?")[0] ?? "";
    if (!pathname.startsWith(INGEST_PATH_PREFIX)) return false;
    socket.on("error", () => undefined);
    const roomKey = pathname.slice(INGEST_PATH_PREFIX.length);
    // Not a show id or slug: the documented 404 before the upgrade, as the node itself answers (it used to
    // be told "no media server can take a show", a 4503 the studio would retry).
    if (!ROOM_KEY.test(roomKey)) {
      refuseUpgrade(socket);
      return true;
    }
    void targetForIngest(req, roomKey)
      .then((node) => {
        if (!node)
          return refuse(
            req,
            socket,
            head,
            4503,
            "No media server can take a show right now. Try again in a minute.",
          );
        pipeUpgrade(req, socket, head, node);
      })
      .catch((err: unknown) => {
        log.error({ err }, "ingest routing failed");
        refuse(req, socket, head, 1011, "Something went wrong on our side. Please try again.");
      });
    return true;
  }

  /**
   * The seller (or an ADMIN) going live gets the show assigned (least-loaded live node); anyone else is
   * forwarded to where the show already is, or to any live node, which refuses them with the ingest's own
   * close codes: the node authenticates and admits, this is only routing.
   */
  async function targetForIngest(req: IncomingMessage, roomKey: string): Promise<TNodeTarget | null> {
    const room = await db.room.findFirst({
      where: { OR: [{ id: roomKey }, { slug: roomKey }] },
      select: { id: true, sellerId: true, status: true },
    });
    if (room && room.status !== "ENDED" && (await canPublish(req, room))) {
      const node = await ensureMediaNode(room.id);
      lookups.delete(room.id);
      return node;
    }
    return room ? mediaNodeForRoom(room.id) : mediaNodeForRoom("");
  }

  function pipeUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, node: TNodeTarget): void {
    const target = new URL(node.url);
    const upstream = connect(Number(target.port || 80), target.hostname);
    upstream.setNoDelay(true);
    const headers = forwardHeaders(req, true);
    const lines = [`GET ${req.url ?? "/"} HTTP/1.1`, `host: ${target.host}`];
    for (const [k, v] of Object.entries(headers))
      if (k !== "host" && v !== undefined) lines.push(`${k}: ${Array.isArray(v) ? v.join(", ") : v}`);
    upstream.once("connect", () => {
      upstream.write(`${lines.join("\r\n")}\r\n\r\n`);
      if (head.length > 0) upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on("error", (err) => {
      log.warn({ nodeId: node.nodeId, err: err.message }, "media node unreachable for ingest");
      // Nothing was sent to the browser yet when the connect itself failed: a retryable close.
      if (upstream.bytesRead === 0)
        refuse(req, socket, head, 1013, "The media server is restarting. Reconnecting…");
      else socket.destroy();
    });
    socket.on("close", () => upstream.destroy());
    upstream.on("close", () => socket.destroy());
  }

  /** Completes the WebSocket handshake only to close it with a code and reason the studio can show. */
  function refuse(req: IncomingMessage, socket: Duplex, head: Buffer, code: number, reason: string): void {
    if (socket.destroyed) return;
    refuser.handleUpgrade(req, socket, head, (ws) => ws.close(code, reason));
  }

  return { http, upgrade };
}

function unavailable(res: ServerResponse): void {
  // Players retry playlist and part errors on their own; no-store so nothing caches the outage.
  res.writeHead(502, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(
    JSON.stringify({
      error: {
        code: "MEDIA_UNAVAILABLE",
        message: "The media server for this show is not reachable right now.",
      },
    }),
  );
}

/** The client's headers for the node, plus who asked (viewer counts) and for which host (the Origin rule). */
function forwardHeaders(
  req: IncomingMessage,
  upgrade = false,
): Record<string, string | string[] | undefined> {
  const out: Record<string, string | string[] | undefined> = {};
  for (const [k, v] of Object.entries(req.headers)) if (upgrade || !HOP_BY_HOP.has(k)) out[k] = v;
  const remote = req.socket.remoteAddress ?? "";
  const prior = req.headers["x-forwarded-for"];
  out["x-forwarded-for"] = prior ? `${Array.isArray(prior) ? prior.join(", ") : prior}, ${remote}` : remote;
  out["x-forwarded-host"] ??= req.headers.host;
  return out;
}
