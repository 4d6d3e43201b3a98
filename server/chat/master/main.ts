/** Chat master process: `node --import tsx server/chat/master/main.ts`, configured by env only. */
process.env.ONAIR_ROLE ??= "master";

import { env } from "@/server/env";
import { createLogger } from "@/server/log";
import { db } from "@/server/db";
import { createMaster } from "@/server/chat/master/create-master";
import { createMasterLease, leaseHolderId } from "@/server/chat/master/lease";

const log = createLogger("chat:master", { nodeId: "master" });
const e = env();
const host = e.CHAT_MASTER_HOST ?? "127.0.0.1";
// Masters sharing the database take turns by a lease: the holder is active, any other waits as standby.
const lease = createMasterLease(e.DATABASE_URL, () => master.keeper?.poke());
const master = createMaster({ secret: e.INTERNAL_SECRET, holder: leaseHolderId(e.CHAT_MASTER_PORT), lease });

process.on("unhandledRejection", (err) => log.error({ err }, "unhandled rejection"));
process.on("uncaughtException", (err) => log.error({ err }, "uncaught exception"));

master.http.on("error", (err: NodeJS.ErrnoException) => {
  log.fatal(
    { err, port: e.CHAT_MASTER_PORT },
    err.code === "EADDRINUSE" ? "port is already in use" : "cannot listen",
  );
  process.exit(1);
});
master.http.listen(e.CHAT_MASTER_PORT, host, () =>
  log.info({ host, port: e.CHAT_MASTER_PORT }, "chat master listening"),
);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "stopping");
  const force = setTimeout(() => process.exit(0), 3000);
  force.unref();
  await master.close().catch((err: unknown) => log.error({ err }, "close failed"));
  await db.$disconnect().catch(() => undefined);
  process.exit(0);
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
