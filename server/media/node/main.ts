/** Media node process: `node --import tsx server/media/node/main.ts` (`npm run start:media`), configured by env only. */
process.env.ONAIR_ROLE ??= "media";

import { mkdirSync } from "node:fs";
import { env } from "@/server/env";
import { createLogger } from "@/server/log";
import { serveNode } from "@/server/run-node";
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

// A stop is usually a restart (upgrade, supervisor): shows stay LIVE and their publishers reconnect to the
// node when it is back (or to another one if it stays away longer than 10 s). Taking a node out for good
// is a drain from /admin first.
serveNode(node, {
  log,
  host,
  port,
  inUse: `port ${port} is already in use: set MEDIA_PORT (or MEDIA_BASE_PORT) to another port`,
  onListening: () => {
    log.info({ host, port, url, mediaDir: mediaConfig().mediaDir }, "media node listening");
    node.start().catch((err: unknown) => log.error({ err }, "first heartbeat failed"));
  },
});
