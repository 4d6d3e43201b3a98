import { createServer, type Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { MAX_PAYLOAD_BYTES } from "@/lib/chat/protocol";
import { createLogger } from "@/server/log";
import { authMiddleware } from "@/server/chat/slave/auth";
import type { TMasterPort, TSlaveContext, TSlaveServer } from "@/server/chat/slave/context";
import { handleJoin, joinedRooms } from "@/server/chat/slave/handle-join";
import { handleLeave } from "@/server/chat/slave/handle-leave";
import { handleSend } from "@/server/chat/slave/handle-send";
import { DeliveryBatcher } from "@/server/chat/slave/batch-delivery";
import { HeartbeatWheel } from "@/server/chat/slave/heartbeats";
import { slaveParser } from "@/server/chat/slave/encoded-json";
import { MasterLink } from "@/server/chat/slave/master-link";
import { UserLimits } from "@/server/chat/user-limits";
import { GroupCommit } from "@/server/chat/slave/group-commit";
import { localViewers, viewersChanged } from "@/server/chat/slave/room-state";
import { SlaveRooms } from "@/server/chat/slave/rooms";
import { onClientEvent } from "@/server/chat/slave/safe-handler";
import { registerEngagement, sweepEngagement } from "@/server/chat/slave/engagement";
import { NodeStats } from "@/server/metrics/node-stats";
import { initMetrics, metricsAllowed, serveMetrics } from "@/server/metrics/registry";

/** A client that sends nothing is pinged this often and dropped when its pong is this late. */
const PING_INTERVAL_MS = 10_000;
const PING_TIMEOUT_MS = 5000;

/** `masterUrls`: every master (active and standby), tried in turn; the one that takes the slave is the active one. */
export type TSlaveOptions = {
  nodeId: string;
  url: string;
  masterUrls: string[];
  secret: string;
  corsOrigin?: string[] | true;
};
export type TSlave = { http: HttpServer; ctx: TSlaveContext; drain: () => void; close: () => Promise<void> };

/** Builds a slave: Socket.IO for browsers and apps, `/health`, and the link to the master. */
export function createSlave(opts: TSlaveOptions): TSlave {
  const log = createLogger("chat:slave", { nodeId: opts.nodeId });
  const http = createServer((req, res) => {
    if (req.url === "/metrics" && metricsAllowed(req, { tokenRequired: false })) return serveMetrics(res);
    if (req.url === "/health") {
      const body = {
        ok: true,
        role: "slave",
        nodeId: ctx.nodeId,
        url: ctx.url,
        connections: io.of("/").sockets.size,
        master: ctx.master.connected ? "connected" : "unreachable",
        masterUrl: link.currentUrl,
        draining: ctx.draining,
        rooms: ctx.rooms.ids().length,
      };
      res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
      return void res.end(JSON.stringify(body));
    }
    res.writeHead(404, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: { code: "NOT_FOUND", message: "Not found." } }));
  });
  const io: TSlaveServer = new Server(http, {
    maxHttpBufferSize: MAX_PAYLOAD_BYTES,
    serveClient: false,
    // Browsers on the web tier's origin connect here directly; the handshake token, not cookies, authenticates.
    cors: { origin: opts.corsOrigin ?? true, credentials: false },
    pingInterval: PING_INTERVAL_MS,
    pingTimeout: PING_TIMEOUT_MS,
    connectionStateRecovery: undefined,
    // The stock encoding, but the join's history goes out as the text encoded once per room (encoded-json.ts).
    parser: slaveParser,
  });
  const heartbeats = new HeartbeatWheel(io, { pingInterval: PING_INTERVAL_MS, pingTimeout: PING_TIMEOUT_MS });
  const placeholder: TMasterPort = {
    connected: false,
    send: () => undefined,
    openRoom: () => Promise.resolve(),
    nudge: () => undefined,
    relay: () => undefined,
    takeLimit: () => Promise.resolve(undefined),
    refundLimit: () => undefined,
  };
  const ctx: TSlaveContext = {
    io,
    log,
    nodeId: opts.nodeId,
    url: opts.url,
    rooms: new SlaveRooms(),
    fallbackLimits: new UserLimits(),
    commits: new GroupCommit(),
    master: placeholder,
    draining: false,
    secret: opts.secret,
    stats: new NodeStats(),
    batcher: null as unknown as DeliveryBatcher,
  };
  ctx.batcher = new DeliveryBatcher(ctx);
  initMetrics({ role: "slave", nodeId: opts.nodeId }, () => io.of("/").sockets.size);
  const link = new MasterLink(ctx, { masterUrls: opts.masterUrls, secret: opts.secret });
  ctx.master = link;

  io.use(authMiddleware(ctx));
  io.on("connection", (socket) => {
    // Auth is done and `socket.handshake` holds the headers: the upgrade request (with its parser and
    // buffers) is not needed any more. socket.io's own advice for memory per connection (docs/PERFORMANCE.md).
    (socket.conn as unknown as { request: unknown }).request = null;
    onClientEvent(ctx, socket, "room:join", (p, ack) => handleJoin(ctx, socket, p, ack));
    onClientEvent(ctx, socket, "room:leave", (p, ack) => handleLeave(ctx, socket, p, ack));
    onClientEvent(ctx, socket, "chat:send", (p, ack) => handleSend(ctx, socket, p, ack));
    registerEngagement(ctx, socket);
    socket.on("disconnecting", () => {
      const rooms = joinedRooms(socket);
      // After the socket has left its rooms, so the counts no longer include it.
      setImmediate(() => rooms.forEach((roomId) => viewersChanged(ctx, roomId)));
      ctx.master.nudge();
    });
  });

  const sweeper = setInterval(() => {
    ctx.fallbackLimits.sweep();
    sweepEngagement(ctx);
    ctx.rooms.sweep((roomId) => localViewers(ctx, roomId));
  }, 10_000);

  return {
    http,
    ctx,
    drain: () => {
      ctx.draining = true;
      ctx.master.nudge();
    },
    close: async () => {
      clearInterval(sweeper);
      heartbeats.close();
      ctx.batcher.close();
      link.close();
      const closed = new Promise<void>((resolve) => {
        void io.close(() => resolve());
      });
      // Keep-alive HTTP clients (health checks, the web tier) would otherwise hold the server open.
      http.closeAllConnections();
      await closed;
    },
  };
}
