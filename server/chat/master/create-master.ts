import { createServer, type Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { z } from "zod";
import type { TSlaveToMaster } from "@/lib/chat/node-protocol";
import { createLogger } from "@/server/log";
import { secretMatches } from "@/server/chat/internal-auth";
import type { TMasterContext, TMasterServer } from "@/server/chat/master/context";
import { forgetSlave, handleSlaveMessage } from "@/server/chat/master/handle-slave-message";
import { createHttpHandler } from "@/server/chat/master/internal-http";
import { pushDirtyRooms } from "@/server/chat/master/push-room";
import { RoomDirectory } from "@/server/chat/master/rooms";
import { SlaveRegistry } from "@/server/chat/master/registry";
import { MasterActivity } from "@/server/chat/master/activity";
import { initMetrics } from "@/server/metrics/registry";
import { UserLimits } from "@/server/chat/user-limits";
import { engagementTick } from "@/server/chat/master/engagement";
import type { LeaseKeeper, TMasterLease } from "@/server/chat/master/lease";
import { followLease, loneMaster, refuseWhileStandby } from "@/server/chat/master/standby";
import { ZNodeId } from "@/lib/admin/admin-schemas";

const ZSlaveAuth = z.object({
  secret: z.string(),
  nodeId: ZNodeId,
  url: z.url(),
});

export type TMaster = {
  http: HttpServer;
  ctx: TMasterContext;
  keeper: LeaseKeeper | null;
  close: () => Promise<void>;
};

/** Builds the master (HTTP + Socket.IO for slaves). Call `http.listen()` to start it. */
export function createMaster(opts: { secret: string; holder?: string; lease?: TMasterLease }): TMaster {
  const log = createLogger("chat:master", { nodeId: "master" });
  const http = createServer();
  const io: TMasterServer = new Server(http, {
    // Short engine heartbeats: a half-open link to a slave is noticed in seconds, not the default 45 s.
    pingInterval: 1000,
    pingTimeout: 2000,
    maxHttpBufferSize: 1024 * 1024,
    serveClient: false,
    transports: ["websocket"],
  });
  const ctx: TMasterContext = {
    io,
    log,
    registry: new SlaveRegistry(),
    rooms: new RoomDirectory(),
    dirty: new Set(),
    activity: new MasterActivity(),
    limits: new UserLimits(),
    role: loneMaster(opts.holder ?? "master"),
  };
  initMetrics({ role: "master", nodeId: "master" }, () => ctx.registry.all().length);
  http.on("request", createHttpHandler(ctx, opts.secret));

  // Without a lease (one master) it is always active; with one, it waits as standby until it holds it.
  const keeper = opts.lease ? followLease(ctx, opts.lease) : null;
  io.use(refuseWhileStandby(ctx));
  io.use((socket, next) => {
    const auth = ZSlaveAuth.safeParse(socket.handshake.auth);
    if (!auth.success || !secretMatches(auth.data.secret, opts.secret))
      return next(new Error("UNAUTHENTICATED"));
    socket.data = { nodeId: auth.data.nodeId, url: auth.data.url };
    next();
  });

  io.on("connection", (socket) => {
    // One queue per slave keeps its messages in order even when one waits for the DB.
    let queue: Promise<void> = Promise.resolve();
    socket.on("node", (msg: TSlaveToMaster) => {
      if (typeof msg !== "object" || msg === null || typeof (msg as { type?: unknown }).type !== "string")
        return;
      // Limits are pure memory and every send waits for them: answer at once, not behind a DB read in the queue.
      if (msg.type === "limit:take" || msg.type === "limit:refund") {
        void handleSlaveMessage(ctx, socket, msg).catch((err: unknown) =>
          log.error({ err, slave: socket.data.nodeId }, "limit failed"),
        );
        return;
      }
      queue = queue
        .then(() => handleSlaveMessage(ctx, socket, msg))
        .catch((err: unknown) =>
          log.error({ err, slave: socket.data.nodeId, type: msg.type }, "slave message failed"),
        );
    });
    socket.on("disconnect", (reason) => forgetSlave(ctx, socket.data.nodeId, socket.id, reason));
  });

  const ticks = [
    setInterval(() => pushDirtyRooms(ctx), 200),
    setInterval(
      () => void engagementTick(ctx).catch((err: unknown) => log.error({ err }, "engagement tick failed")),
      250,
    ),
    setInterval(() => {
      for (const slave of ctx.registry.silent()) {
        forgetSlave(ctx, slave.nodeId, slave.socket.id, "heartbeat timeout");
        slave.socket.disconnect(true);
      }
    }, 500),
    setInterval(() => ctx.activity.sampleViewers(totalViewers(ctx)), 5000),
    setInterval(() => ctx.limits.sweep(), 10_000),
  ];

  return {
    http,
    ctx,
    keeper,
    close: async () => {
      ticks.forEach(clearInterval);
      await keeper?.stop();
      const closed = new Promise<void>((resolve) => {
        void io.close(() => resolve());
      });
      // Keep-alive HTTP clients (health checks, the web tier) would otherwise hold the server open.
      http.closeAllConnections();
      await closed;
    },
  };
}

/** Viewers across every room and slave, as the last heartbeats reported them. */
function totalViewers(ctx: TMasterContext): number {
  let sum = 0;
  for (const [, room] of ctx.rooms.all()) for (const p of room.presence.values()) sum += p.viewers;
  return sum;
}
