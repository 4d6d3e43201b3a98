/** Chat master process: `node --import tsx server/chat/master/main.ts`, configured by env only. */
process.env.ONAIR_ROLE ??= "master";

import { env } from "@/server/env";
import { createLogger } from "@/server/log";
import { serveNode } from "@/server/run-node";
import { createMaster } from "@/server/chat/master/create-master";
import { createMasterLease, leaseHolderId } from "@/server/chat/master/lease";

const log = createLogger("chat:master", { nodeId: "master" });
const e = env();
const host = e.CHAT_MASTER_HOST ?? "127.0.0.1";
// Masters sharing the database take turns by a lease: the holder is active, any other waits as standby.
const lease = createMasterLease(e.DATABASE_URL, () => master.keeper?.poke());
const master = createMaster({ secret: e.INTERNAL_SECRET, holder: leaseHolderId(e.CHAT_MASTER_PORT), lease });

serveNode(master, {
  log,
  host,
  port: e.CHAT_MASTER_PORT,
  onListening: () => log.info({ host, port: e.CHAT_MASTER_PORT }, "chat master listening"),
});
