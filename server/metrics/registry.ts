/**
 * Prometheus metrics shared by every process (web, chat master, chat slaves). One registry per process,
 * process-wide (server/process-state.ts) because the web server (tsx) and Next.js route handlers (bundled)
 * load separate copies of this module in the same process: both must count into the same metrics.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { envPart, ZMetricsEnv } from "@/server/env";
import { liveIngests } from "@/server/media/registry";
import { processWide } from "@/server/process-state";

function build() {
  const registry = new Registry();
  const connectionSources: (() => number)[] = [];
  return {
    registry,
    connectionSources,
    defaultsStarted: false,
    connections: new Gauge({
      name: "onair_chat_connections",
      help: "Slave: client sockets connected. Master: live slaves registered.",
      registers: [],
      collect() {
        this.set(connectionSources.reduce((sum, fn) => sum + fn(), 0));
      },
    }),
    messagesIn: new Counter({
      name: "onair_chat_messages_in_total",
      help: "Slave: chat messages accepted from clients and stored. Master: messages received from slaves.",
      registers: [],
    }),
    messagesRelayed: new Counter({
      name: "onair_chat_messages_relayed_total",
      help: "Master: copies of chat messages forwarded to other slaves.",
      registers: [],
    }),
    messagesDelivered: new Counter({
      name: "onair_chat_messages_delivered_total",
      help: "Slave: chat:message emits to client sockets (one per recipient).",
      registers: [],
    }),
    relayLatency: new Histogram({
      name: "onair_chat_relay_latency_seconds",
      help: "Slave: from a message's createdAt on the accepting slave to its arrival here through the master (clocks in sync).",
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [],
    }),
    orders: new Counter({
      name: "onair_orders_placed_total",
      help: "Web: orders placed (units reserved), replays of an idempotency key excluded.",
      registers: [],
    }),
    ingestKbps: new Gauge({
      name: "onair_ingest_bitrate_kbps",
      help: "Web: bitrate received from each show's browser ingest (5 s average).",
      labelNames: ["room"],
      registers: [],
      collect() {
        this.reset();
        for (const [roomId, ingest] of liveIngests) this.set({ room: roomId }, ingest.stats().receivedKbps);
      },
    }),
    ffmpegRestarts: new Counter({
      name: "onair_ffmpeg_restarts_total",
      help: "Web: ffmpeg processes restarted after dying mid-show.",
      registers: [],
    }),
  };
}

type TMetrics = ReturnType<typeof build>;
/** This process's metrics. */
export function metrics(): TMetrics {
  return processWide("metrics", build);
}

/**
 * Once per process: labels every series with the process role and node id, and adds the default process
 * metrics (CPU, memory, event loop lag). `connections` reports what this process holds.
 */
export function initMetrics(labels: { role: string; nodeId?: string }, connections?: () => number): void {
  const m = metrics();
  if (connections) m.connectionSources.push(connections);
  if (m.defaultsStarted) return;
  m.defaultsStarted = true;
  m.registry.setDefaultLabels({ role: labels.role, ...(labels.nodeId ? { node: labels.nodeId } : {}) });
  // Each tier exports what it measures: chat figures on chat nodes, commerce and media on the web tier.
  const own =
    labels.role === "web"
      ? [m.orders, m.ingestKbps, m.ffmpegRestarts]
      : [m.connections, m.messagesIn, m.messagesRelayed, m.messagesDelivered, m.relayLatency];
  for (const metric of own) m.registry.registerMetric(metric);
  collectDefaultMetrics({ register: m.registry });
}

/** `/metrics` on a plain Node HTTP server: Prometheus text format. */
export function serveMetrics(res: import("node:http").ServerResponse): void {
  const { registry } = metrics();
  registry.metrics().then(
    (text) => {
      res.writeHead(200, { "content-type": registry.contentType, "cache-control": "no-store" });
      res.end(text);
    },
    (err: unknown) => {
      res.writeHead(500, { "content-type": "text/plain" });
      res.end(`metrics failed: ${(err as Error).message}`);
    },
  );
}

/** One order placed (commerce tier). */
export const countOrder = (): void => metrics().orders.inc();

/** One ffmpeg restarted after it died (media tier). */
export const countFfmpegRestart = (): void => metrics().ffmpegRestarts.inc();

/**
 * Who may read /metrics on a public port (web, slaves). The web tier's figures include order counts, so
 * there it takes `Authorization: Bearer <METRICS_TOKEN>` and answers 404 when no token is configured.
 * Slaves hold no business figures: open unless METRICS_TOKEN is set, then the same bearer rule.
 * The master's port is internal and stays open (docs/SECURITY.md).
 */
export function metricsAllowed(
  req: import("node:http").IncomingMessage,
  opts: { tokenRequired: boolean },
): boolean {
  const token = envPart(ZMetricsEnv).METRICS_TOKEN;
  if (!token) return !opts.tokenRequired;
  const given = req.headers.authorization ?? "";
  return given.length === token.length + 7 && given === `Bearer ${token}`;
}
