/** Chat slave process: `node --import tsx server/chat/slave/main.ts`, configured by env only. */
process.env.ONAIR_ROLE ??= "slave";

import { env, masterUrls } from "@/server/env";
import { createLogger } from "@/server/log";
import { serveNode } from "@/server/run-node";
import { createSlave } from "@/server/chat/slave/create-slave";
import { warmUpChatQueries } from "@/server/chat/warm-up";

const e = env();
const port = e.CHAT_SLAVE_PORT ?? e.CHAT_SLAVE_BASE_PORT;
const host = e.CHAT_SLAVE_HOST ?? "127.0.0.1";
const nodeId = e.CHAT_NODE_ID ?? `slave-${port}`;
const url = e.CHAT_SLAVE_PUBLIC_URL ?? `http://127.0.0.1:${port}`;
const log = createLogger("chat:slave", { nodeId });
const slave = createSlave({ nodeId, url, masterUrls: masterUrls(), secret: e.INTERNAL_SECRET });

// Listen only with the join-time queries compiled: viewers reconnecting to a restarted slave arrive at once.
// A stop drains first (the master stops assigning this node), then closes: clients reconnect elsewhere and backfill.
void warmUpChatQueries(log).then(() =>
  serveNode(slave, {
    log,
    host,
    port,
    onListening: () => log.info({ host, port, url, masters: masterUrls() }, "chat slave listening"),
  }),
);
