/**
 * The web tier: Next.js (pages, REST API) behind one Node HTTP server. It holds no media state: `/hls/…`
 * and the `/ingest/…` WebSocket are forwarded to the show's media node (server/media/nodes/web-proxy.ts),
 * so several web processes can serve behind one proxy.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import { env } from "@/server/env";
import { createLogger } from "@/server/log";
import { createMediaProxy } from "@/server/media/nodes/web-proxy";
import { startOrderSweeper } from "@/server/commerce/sweep-expired-orders";
import { initMetrics, metricsAllowed, serveMetrics } from "@/server/metrics/registry";
import { startRoomEventsLink } from "@/server/rooms/room-events-link";
import { applyContentSecurityPolicy } from "@/server/web/content-security-policy";
import { createPageCache } from "@/server/web/page-cache";
import { servePlayerScript } from "@/server/web/player-script";
import { serveCachedRoomJson } from "@/server/web/room-json";
import { serveChatNode } from "@/server/web/chat-node";
import { serveCheckout } from "@/server/web/checkout";
import { guardRequest, refuseUpgrade } from "@/server/web/request-guard";
import { onStopSignal, runMain } from "@/server/run-main";

process.env.ONAIR_ROLE = "web";
const config = env();
const dev = process.argv.includes("--dev");
const log = createLogger("web");

async function main(): Promise<void> {
  initMetrics({ role: "web" });
  const app = next({ dev, hostname: config.HOST, port: config.PORT, dir: process.cwd() });
  const handleNext = app.getRequestHandler();
  await app.prepare();
  startOrderSweeper();
  const stopRoomEvents = startRoomEventsLink();

  const media = createMediaProxy();
  const loopbackHost = ["0.0.0.0", "::", ""].includes(config.HOST) ? "127.0.0.1" : config.HOST;
  const pages = dev
    ? null
    : createPageCache({
        origin: `http://${loopbackHost.includes(":") ? `[${loopbackHost}]` : loopbackHost}:${config.PORT}`,
        connectSrc: config.CSP_CONNECT_SRC,
      });
  const render = (req: IncomingMessage, res: ServerResponse) =>
    handleNext(req, res).catch((err: unknown) => {
      log.error({ err, url: req.url }, "request failed");
      if (!res.headersSent) res.writeHead(500).end();
    });
  const server = createServer((req, res) => {
    if (guardRequest(req, res, { trustProxy: config.TRUST_PROXY })) return;
    if (media.http(req, res)) return;
    if (servePlayerScript(req, res)) return;
    if (req.url === "/metrics" && metricsAllowed(req, { tokenRequired: true })) return serveMetrics(res);
    if (req.url === "/health") {
      res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(JSON.stringify({ ok: true, role: "web", uptimeSeconds: Math.round(process.uptime()) }));
      return;
    }
    const perRequest = () => {
      applyContentSecurityPolicy(req, res, { dev, connectSrc: config.CSP_CONNECT_SRC });
      void render(req, res);
    };
    if (serveCheckout(req, res)) return;
    if (serveCachedRoomJson(req, res)) return;
    if (serveChatNode(req, res, perRequest)) return;
    // The page cache's own render: Next.js writes no nonce (the cache computes script hashes instead).
    if (pages?.isRender(req)) {
      delete req.headers["content-security-policy"];
      void render(req, res);
      return;
    }
    if (pages?.serve(req, res, perRequest)) return;
    perRequest();
  });

  // Upgrades to any other path used to stay open unanswered and pile up: they are closed at once, except
  // Next.js's dev server reload socket.
  server.on("upgrade", (req, socket, head: Buffer) => {
    if (media.upgrade(req, socket, head)) return;
    if (dev && (req.url ?? "").startsWith("/_next/")) return;
    refuseUpgrade(socket);
  });

  server.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EADDRINUSE") {
      log.fatal(`Port ${config.PORT} is already in use. Stop what uses it, or set PORT to another port.`);
    } else {
      log.fatal({ err }, "web server failed");
    }
    process.exit(1);
  });

  // A flash sale opens thousands of connections within a second; Node's default accept backlog (511) drops
  // the rest of the SYNs and those buyers wait 1, 3, 7... s for their retransmits while the server idles
  // (measured: p99 43 s, 486 of 2,000 checkouts never connected). The kernel caps it at somaxconn.
  server.listen({ port: config.PORT, host: config.HOST, backlog: 4096 }, () => {
    log.info({ host: config.HOST, port: config.PORT, dev }, "web tier listening");
  });

  const stop = () => {
    log.info("shutting down");
    stopRoomEvents();
    pages?.stop();
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 3000).unref();
  };
  onStopSignal(stop);
}

runMain(log, "web tier failed to start", main);
