/** Media node process: `node --import tsx server/media/node/main.ts` (`npm run start:media`), configured by env only. */
process.env.ONAIR_ROLE ??= "media";

import { mkdirSync } from "node:fs";
import { env } from "@/server/env";
import { createLogger } from "@/server/log";
import { db } from "@/server/db";
import { mediaConfig } from "@/server/media/config";
import { createMediaNode } from "@/server/media/node/create-media-node";

const e = env();
const port = e.MEDIA_PORT ?? e.MEDIA_BASE_PORT;
const host = e.MEDIA_HOST ?? "127.0.0.1";
const nodeId = e.MEDIA_NODE_ID ?? `media-${port}`;
const url = e.MEDIA_NODE_URL ?? `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${port}`;
const log = createLogger("media:node", { nodeId });
mkdirSync(mediaConfig().mediaDir, { recursive: true });
const node = createMediaNode({ nodeId, url, secret: e.INTERNAL_SECRET });

process.on("unhandledRejection", (err) => log.error({ err }, "unhandled rejection"));
process.on("uncaughtException", (err) => log.error({ err }, "uncaught exception"));

node.http.on("error", (err: NodeJS.ErrnoException) => {
  log.fatal(
    { err, port },
    err.code === "EADDRINUSE"
      ? `port ${port} is already in use: set MEDIA_PORT (or MEDIA_BASE_PORT) to another port`
      : "cannot listen",
  );
  process.exit(1);
});
node.http.listen(port, host, () => {
  log.info({ host, port, url, mediaDir: mediaConfig().mediaDir }, "media node listening");
  node.start().catch((err: unknown) => log.error({ err }, "first heartbeat failed"));
});

let stopping = false;
/**
 * A stop is usually a restart (upgrade, supervisor): shows stay LIVE and their publishers reconnect to the
 * node when it is back (or to another one if it stays away longer than 10 s). Taking a node out for good
 * is a drain from /admin first.
 */
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "stopping");
  const force = setTimeout(() => process.exit(0), 3000);
  force.unref();
  await node.close().catch((err: unknown) => log.error({ err }, "close failed"));
  await db.$disconnect().catch(() => undefined);
  process.exit(0);
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
