import { createServer, type Server } from "node:http";
import { db } from "@/server/db";
import { createLogger } from "@/server/log";
import { mediaConfig } from "@/server/media/config";
import { finishShowOutput } from "@/server/media/finish-output";
import { ingestGate, ingestSocketCount } from "@/server/media/ingest-server";
import { mountMedia } from "@/server/media/mount";
import { Heartbeat } from "@/server/media/node/heartbeat";
import { createInternalHandler } from "@/server/media/node/internal-http";
import { liveIngests, liveShowCount } from "@/server/media/registry";
import { videoViewers } from "@/server/media/viewer-count";
import { initMetrics, serveMetrics } from "@/server/metrics/registry";

export type TMediaNodeOptions = { nodeId: string; url: string; secret: string };
export type TMediaNodeHandle = {
  http: Server;
  heartbeat: Heartbeat;
  start: () => Promise<void>;
  close: () => Promise<void>;
};

/**
 * A media node: the browser ingest WebSocket, ffmpeg and the HLS output of the shows assigned to it,
 * `/health`, the internal endpoints web processes call, and its heartbeat row. The packaging pipeline is
 * mounted through one seam (server/media/mount.ts), so it can change without touching the node.
 */
export function createMediaNode(opts: TMediaNodeOptions): TMediaNodeHandle {
  const log = createLogger("media:node", { nodeId: opts.nodeId });
  const cfg = mediaConfig();
  const load = () => ({
    connections: ingestSocketCount(),
    liveShows: liveShowCount(),
    maxLiveShows: cfg.maxLiveShows,
  });
  const heartbeat = new Heartbeat(opts, load, log);
  ingestGate.draining = () => heartbeat.draining;
  const internal = createInternalHandler({
    secret: opts.secret,
    log,
    setDraining: (draining) => {
      heartbeat.draining = draining;
      void heartbeat.beat();
    },
  });

  const http = createServer((req, res) => {
    if (req.url === "/health") {
      const shows = [...liveIngests.values()].map((i) => ({
        roomId: i.roomId,
        publishing: i.publishing,
        holdsSlot: i.holdsSlot,
      }));
      const body = {
        ok: true,
        role: "media",
        nodeId: opts.nodeId,
        url: opts.url,
        ...load(),
        viewers: shows.reduce((n, s) => n + videoViewers(s.roomId), 0),
        draining: heartbeat.draining,
        // false until the first heartbeat row is written: web processes cannot assign shows to it yet.
        registered: heartbeat.writtenAt !== null,
        heartbeatAt: heartbeat.writtenAt?.toISOString() ?? null,
        shows,
        uptimeSeconds: Math.round(process.uptime()),
      };
      res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
      return void res.end(JSON.stringify(body));
    }
    if (req.url === "/metrics") return serveMetrics(res);
    if (internal(req, res)) return;
    if (serveMedia(req, res)) return;
    res
      .writeHead(404, { "content-type": "application/json" })
      .end(JSON.stringify({ error: { code: "NOT_FOUND", message: "Not found." } }));
  });
  const serveMedia = mountMedia(http);
  initMetrics({ role: "media", nodeId: opts.nodeId });

  return {
    http,
    heartbeat,
    start: async () => {
      await heartbeat.start();
      void finalizeEndedShows(opts.nodeId).catch((err: unknown) =>
        log.error({ err }, "could not finalize ended shows"),
      );
    },
    close: async () => {
      heartbeat.stop();
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeAllConnections();
      await closed;
    },
  };
}

/**
 * Shows of this node that were ended while it was down never got their VOD playlist: write it now, so
 * their replays play (the web tier marks a show ENDED even when its node cannot be reached).
 */
async function finalizeEndedShows(nodeId: string): Promise<void> {
  const since = new Date(Date.now() - 7 * 24 * 3600 * 1000);
  const rooms = await db.room.findMany({
    where: { mediaNodeId: nodeId, status: "ENDED", endedAt: { gte: since }, hlsPath: { not: null } },
    select: { id: true },
  });
  for (const { id } of rooms) await finishShowOutput(id);
}
