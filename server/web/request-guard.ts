import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import type { Duplex } from "node:stream";
import { MAX_IMAGE_BYTES } from "@/lib/commerce/limits";

/** JSON bodies: the same 64 KB as parseBody (server/http/handle.ts). */
export const JSON_BODY_LIMIT = 64 * 1024;
/** Product photos: 5 MB plus the multipart envelope (app/api/uploads/route.ts). */
export const UPLOAD_BODY_LIMIT = MAX_IMAGE_BYTES + 64 * 1024;

/** The largest body a path may carry. Pages take none worth more than a JSON body. */
export function bodyLimitFor(pathname: string): number {
  return pathname === "/api/uploads" ? UPLOAD_BODY_LIMIT : JSON_BODY_LIMIT;
}

function sendJsonError(res: ServerResponse, status: number, code: string, message: string): void {
  if (res.headersSent) return;
  res.writeHead(status, {
    "content-type": "application/json",
    "cache-control": "no-store",
    connection: "close",
  });
  res.end(JSON.stringify({ error: { code, message } }));
}

/** Set here on every request (any value a client sent is overwritten): the address throttles count by. */
export const CLIENT_ADDRESS_HEADER = "x-onair-client-address";

/**
 * The client's address: the socket's peer, or behind a proxy we trust (TRUST_PROXY) the address that proxy
 * appended last to X-Forwarded-For. Earlier X-Forwarded-For entries are whatever the client wrote.
 */
function clientAddressOf(req: IncomingMessage, trustProxy: boolean): string {
  const peer = req.socket.remoteAddress ?? "unknown";
  if (!trustProxy) return peer;
  const forwarded = req.headers["x-forwarded-for"];
  const list = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return list.at(-1) ?? peer;
}

/** The path of a request target, or null when it holds a malformed percent-escape (`/api/rooms/%E0%A4%A`). */
export function decodablePath(url: string): string | null {
  const pathname = url.split("?")[0] ?? "";
  try {
    decodeURIComponent(pathname);
    return pathname;
  } catch {
    return null;
  }
}

/**
 * The request target as a path (origin-form). Servers must accept the absolute-form (`GET http://host/p`,
 * RFC 9112 §3.2.2): it becomes its path and query. `*` (OPTIONS *) and targets that are no URL at all
 * (`GET http://[::1/p`) are null: Next.js answered `*` with a 500 and redirected the others to `http:/…`.
 */
export function originForm(url: string): string | null {
  if (url.startsWith("/")) return url;
  if (!/^https?:\/\//i.test(url)) return null;
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return null;
  }
}

/**
 * A refused body (and one a route answered without reading) is read and thrown away, never kept, up to
 * DISCARD_BYTES, and the connection is destroyed after DISCARD_MS at the latest (lingeringClose below):
 * a browser or API client still writing its upload gets our answer instead of a connection reset.
 */
const DISCARD_MS = 5000;
const DISCARD_BYTES = 16 * 1024 * 1024;

/**
 * Runs before Next.js on every request. A malformed percent-escape gets the API's JSON 400 instead of a
 * bare 500. A body larger than its path allows is refused with 413 while it streams in: a declared
 * Content-Length over the cap at once, a chunked body as soon as the bytes received pass it. Counting
 * happens where the HTTP parser hands bytes to the request (`push`), so it holds whoever reads the body
 * (a route's req.text(), Next.js's own body cloning) and however it is read: one anonymous 200 MB chunked
 * POST to /api/session used to grow the web process by ~500 MB. Returns true when it answered.
 */
export function guardRequest(
  req: IncomingMessage,
  res: ServerResponse,
  opts: { trustProxy?: boolean } = {},
): boolean {
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(req, opts.trustProxy ?? false);
  const target = originForm(req.url ?? "/");
  if (target === null) {
    sendJsonError(res, 400, "INVALID", "The request target is not a path on this site.");
    return true;
  }
  req.url = target;
  const pathname = decodablePath(target);
  if (pathname === null) {
    sendJsonError(res, 400, "INVALID", "The address holds a malformed percent-escape.");
    return true;
  }
  const limit = bodyLimitFor(pathname);
  const push = req.push.bind(req);
  lingerIfAnsweredEarly(req);
  if (Number(req.headers["content-length"] ?? 0) > limit) {
    // No route reads it; Node drops what arrives once the answer is written, and closes (lingering).
    sendTooLarge(res, limit, false);
    return true;
  }
  let received = 0;
  let refused = false;
  req.push = (chunk: unknown, encoding?: BufferEncoding) => {
    // Chunked (or under-declared) and maybe already being read by a route: that reader must never see a
    // truncated body as a whole one, so the rest, and its end, are dropped; the connection closes.
    if (refused) return true;
    if (chunk !== null && chunk !== undefined) {
      received += (chunk as Buffer).length;
      if (received > limit) {
        refused = true;
        // A route may have answered before reading the body (a checkout's 401): that answer must reach
        // the client too, so the close lingers in both cases.
        closeAfterAnswer(req.socket, res);
        if (!res.headersSent) sendTooLarge(res, limit, true);
        return true;
      }
    }
    return push(chunk, encoding);
  };
  return false;
}

type TNodeSocket = Socket & {
  destroySoon?: () => void;
  onairLingering?: boolean;
  _handle?: { readStop?: () => number } | null;
};

/** Shuts the connection once the answer is written, lingering (below). */
function closeAfterAnswer(socket: Socket, res: ServerResponse): void {
  const shut = () => lingeringClose(socket);
  // Node ends a `connection: close` answer with destroySoon(), which destroys once the answer is written.
  (socket as TNodeSocket).destroySoon = shut;
  if (res.writableFinished) shut();
  else res.once("finish", shut);
}

/**
 * Closes a connection the client is still uploading on the way that lets it read our answer: our side is
 * shut (FIN), what it still sends is read and dropped, past DISCARD_BYTES no longer read at all (its
 * upload stalls on TCP flow control instead of costing us CPU), and the socket goes when the client closes
 * or after DISCARD_MS. Destroying it with the upload unread made the kernel send a reset, the client's next
 * write failed, and the client gave up without reading the answer it had already received: half of six
 * streaming clients in request-guard.test.ts, and in the hostile suite one 50 MB POST in twenty on a
 * loaded machine (a 401 from the checkout, and a 413 for a declared length).
 */
function lingeringClose(socket: Socket): void {
  const s = socket as TNodeSocket;
  if (s.onairLingering || socket.destroyed) return;
  s.onairLingering = true;
  socket.end();
  const from = socket.bytesRead;
  const budget = setInterval(() => {
    if (socket.bytesRead - from <= DISCARD_BYTES) return;
    clearInterval(budget);
    // Node's HTTP parser reads the socket's handle directly: pause() alone does not stop it.
    socket.pause();
    s._handle?.readStop?.();
  }, 50);
  const timer = setTimeout(() => socket.destroy(), DISCARD_MS);
  budget.unref();
  timer.unref();
  socket.once("close", () => {
    clearInterval(budget);
    clearTimeout(timer);
  });
}

/**
 * A route that answers before it has read the request's body (the checkout's 401 without a session, the
 * guard's own 413 for a declared length) makes Node close the connection once the answer is written
 * (`destroySoon`), with the upload still arriving. While this request's body is incomplete, that close
 * lingers instead.
 */
function lingerIfAnsweredEarly(req: IncomingMessage): void {
  if (req.headers["content-length"] === undefined && req.headers["transfer-encoding"] === undefined) return;
  const socket = req.socket as TNodeSocket;
  const proto = Object.getPrototypeOf(socket) as TNodeSocket;
  socket.destroySoon = () => {
    if (req.complete) proto.destroySoon?.call(socket);
    else lingeringClose(socket);
  };
}

function sendTooLarge(res: ServerResponse, limit: number, close: boolean): void {
  const kb = Math.round(limit / 1024);
  res.writeHead(413, {
    "content-type": "application/json",
    "cache-control": "no-store",
    ...(close ? { connection: "close" } : {}),
  });
  res.end(
    JSON.stringify({
      error: { code: "TOO_LARGE", message: `The request body is too large (at most ${kb} KB here).` },
    }),
  );
}

/** Upgrades nobody serves (any path but the ingest, and Next.js's dev reload) are closed at once. */
export function refuseUpgrade(socket: Duplex): void {
  if (socket.destroyed) return;
  socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
  setTimeout(() => socket.destroy(), 1000).unref();
}
