import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { INGEST_CLOSE, INGEST_PATH_PREFIX, ZClientMessage } from "@/lib/media/ingest-protocol";
import { userFromToken } from "@/server/auth/sessions";
import { db } from "@/server/db";
import { createLogger } from "@/server/log";
import { requestTarget } from "@/server/http/request-target";
import { mediaConfig, roomDir } from "@/server/media/config";
import { IngestSession } from "@/server/media/ingest-session";
import { originAllowed } from "@/server/media/ingest-origin";
import { ingestTokenOf } from "@/server/media/ingest-token";
import { liveIngests, liveShowCount } from "@/server/media/registry";
import { isSellerOrAdmin } from "@/server/auth/room-staff";

const log = createLogger("media");
const HELLO_TIMEOUT_MS = 10_000;

function rawText(data: Buffer | ArrayBuffer | Buffer[]): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString("utf8");
  return Buffer.from(data as ArrayBuffer).toString("utf8");
}

/** Sessions being opened, so two publishers racing for one room cannot both create one. */
const opening = new Map<string, Promise<IngestSession>>();

async function sessionFor(roomId: string): Promise<IngestSession> {
  const existing = liveIngests.get(roomId);
  if (existing instanceof IngestSession) return existing;
  let pending = opening.get(roomId);
  if (!pending) {
    const cfg = mediaConfig();
    pending = IngestSession.open(roomId, cfg, roomDir(cfg.mediaDir, roomId), log.child({ roomId }));
    opening.set(roomId, pending);
    void pending.finally(() => opening.delete(roomId)).catch(() => undefined);
  }
  return pending;
}

/** Checks who may publish to the room; closes the socket with a 44xx code and a readable reason if not. */
type TEarlyMessage = { data: Buffer | ArrayBuffer | Buffer[]; isBinary: boolean };
const MAX_EARLY_MESSAGES = 64;

/**
 * Holds what the publisher sends while admission is still reading the database (the browser sends its
 * hello as soon as the socket opens), so nothing is lost however slow the database is.
 */
function holdEarlyMessages(ws: WebSocket): { release: (handler: (m: TEarlyMessage) => void) => void } {
  const early: TEarlyMessage[] = [];
  const hold = (data: TEarlyMessage["data"], isBinary: boolean) => {
    if (early.push({ data, isBinary }) > MAX_EARLY_MESSAGES)
      ws.close(INGEST_CLOSE.BAD_MESSAGE, "Too many messages before admission.");
  };
  ws.on("message", hold);
  return {
    release(handler) {
      ws.off("message", hold);
      ws.on("message", (data: TEarlyMessage["data"], isBinary: boolean) => handler({ data, isBinary }));
      for (const message of early.splice(0)) handler(message);
    },
  };
}

async function admit(
  ws: WebSocket,
  req: IncomingMessage,
  roomKey: string,
  url: URL,
  held: ReturnType<typeof holdEarlyMessages>,
): Promise<void> {
  const user = await userFromToken(ingestTokenOf(req, url));
  if (!user) return ws.close(INGEST_CLOSE.UNAUTHENTICATED, "Sign in as the show's seller to go live.");
  const room = await db.room.findFirst({
    where: { OR: [{ id: roomKey }, { slug: roomKey }] },
    select: { id: true, sellerId: true, status: true },
  });
  if (!room) return ws.close(INGEST_CLOSE.NOT_FOUND, "This show does not exist.");
  const rlog = log.child({ roomId: room.id, userId: user.id });
  if (!isSellerOrAdmin(user, room.sellerId)) {
    rlog.warn("ingest refused: not the show's seller");
    return ws.close(INGEST_CLOSE.FORBIDDEN, "Only this show's seller can broadcast it.");
  }
  if (room.status === "ENDED")
    return ws.close(INGEST_CLOSE.ENDED, "This show has ended. Create a new show to go live again.");
  const cfg = mediaConfig();
  if (!liveIngests.has(room.id) && ingestGate.draining()) {
    rlog.warn("ingest refused: this media node is draining");
    return ws.close(
      INGEST_CLOSE.DRAINING,
      "This media server is being taken out of service. Go live again to be moved to another one.",
    );
  }
  if (!liveIngests.get(room.id)?.holdsSlot && liveShowCount() >= cfg.maxLiveShows) {
    rlog.warn({ live: liveShowCount() }, "ingest refused: server at capacity");
    return ws.close(
      INGEST_CLOSE.CAPACITY,
      "The server is at its limit of live shows. Try again in a few minutes.",
    );
  }

  let session: IngestSession | null = null;
  const helloTimer = setTimeout(
    () => ws.close(INGEST_CLOSE.BAD_MESSAGE, "No hello message received."),
    HELLO_TIMEOUT_MS,
  );
  held.release(({ data, isBinary }) => {
    if (isBinary) {
      if (session)
        session.onFrame(
          ws,
          Buffer.isBuffer(data) ? data : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]),
        );
      else ws.close(INGEST_CLOSE.BAD_MESSAGE, "Send a hello message first.");
      return;
    }
    let parsed;
    try {
      parsed = ZClientMessage.safeParse(JSON.parse(rawText(data)));
    } catch {
      parsed = null;
    }
    if (!parsed?.success) return ws.close(INGEST_CLOSE.BAD_MESSAGE, "Malformed control message.");
    const hello = parsed.data;
    clearTimeout(helloTimer);
    void sessionFor(room.id).then((s) => {
      if (ws.readyState !== ws.OPEN) return;
      // A second publisher is refused; the same recording reconnecting (same epoch) takes over its old socket.
      if (s.publishing && s.currentEpoch !== hello.epoch) {
        rlog.warn("ingest refused: the show already has a publisher");
        return ws.close(
          INGEST_CLOSE.CONFLICT,
          "This show is already being broadcast from another tab or device. End it there first.",
        );
      }
      session = s;
      s.attach(ws, user.id, hello);
    });
  });
  ws.on("close", () => {
    clearTimeout(helloTimer);
    session?.detach(ws);
  });
}

/** What the node around the ingest decides: a draining node keeps its shows but takes no new one. */
export const ingestGate: { draining: () => boolean } = { draining: () => false };

const servers = new Set<WebSocketServer>();

/** Ingest WebSockets open in this process (publishers, including ones not yet admitted). */
export function ingestSocketCount(): number {
  let n = 0;
  for (const wss of servers) n += wss.clients.size;
  return n;
}

/** The `upgrade` handler for `/ingest/<roomId>`; answers false for any other path. */
export function createIngestUpgradeHandler(): (
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
) => boolean {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: mediaConfig().maxChunkBytes * 4 + 4,
    perMessageDeflate: false,
  });
  servers.add(wss);
  return (req, socket, head) => {
    const url = requestTarget(req.url, "http://localhost");
    if (!url?.pathname.startsWith(INGEST_PATH_PREFIX)) return false;
    const roomKey = url.pathname.slice(INGEST_PATH_PREFIX.length);
    if (!/^[A-Za-z0-9_-]{1,100}$/.test(roomKey)) {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
      return true;
    }
    if (!originAllowed(req, mediaConfig().allowedOrigins ?? [])) {
      // Cross-site WebSocket hijacking: a page elsewhere would publish with the seller's cookie (issue 11).
      log.warn({ origin: req.headers.origin, host: req.headers.host }, "ingest refused: cross-site origin");
      const body = JSON.stringify({
        error: { code: "CROSS_SITE", message: "This request came from another site and was refused." },
      });
      socket.end(
        `HTTP/1.1 403 Forbidden\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
      );
      return true;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on("error", (err) => log.warn({ err }, "ingest socket error"));
      admit(ws, req, roomKey, url, holdEarlyMessages(ws)).catch((err: unknown) => {
        log.error({ err }, "ingest admission failed");
        ws.close(1011, "Something went wrong on our side. Please try again.");
      });
    });
    return true;
  };
}
