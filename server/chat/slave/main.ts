/** Chat slave process: `node --import tsx server/chat/slave/main.ts`, configured by env only. */
process.env.ONAIR_ROLE ??= "slave";

import { env, masterUrls } from "@/server/env";
import { createLogger } from "@/server/log";
import { db } from "@/server/db";
import { createSlave } from "@/server/chat/slave/create-slave";
import { warmUpChatQueries } from "@/server/chat/warm-up";

const e = env();
const port = e.CHAT_SLAVE_PORT ?? e.CHAT_SLAVE_BASE_PORT;
const host = e.CHAT_SLAVE_HOST ?? "127.0.0.1";
const nodeId = e.CHAT_NODE_ID ?? `slave-${port}`;
const url = e.CHAT_SLAVE_PUBLIC_URL ?? `http://127.0.0.1:${port}`;
const log = createLogger("chat:slave", { nodeId });
const slave = createSlave({ nodeId, url, masterUrls: masterUrls(), secret: e.INTERNAL_SECRET });

process.on("unhandledRejection", (err) => log.error({ err }, "unhandled rejection"));
process.on("uncaughtException", (err) => log.error({ err }, "uncaught exception"));

slave.http.on("error", (err: NodeJS.ErrnoException) => {
  log.fatal({ err, port }, err.code === "EADDRINUSE" ? "port is already in use" : "cannot listen");
  process.exit(1);
});
// Listen only with the join-time queries compiled: viewers reconnecting to a restarted slave arrive at once.
void warmUpChatQueries(log).then(() =>
  slave.http.listen(port, host, () =>
    log.info({ host, port, url, masters: masterUrls() }, "chat slave listening"),
  ),
);

let stopping = false;
/** Drain first (the master stops assigning this node), then close: clients reconnect elsewhere and backfill. */
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "stopping");
  slave.drain();
  const force = setTimeout(() => process.exit(0), 3000);
  force.unref();
  await slave.close().catch((err: unknown) => log.error({ err }, "close failed"));
  await db.$disconnect().catch(() => undefined);
  process.exit(0);
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
