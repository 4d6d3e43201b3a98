import type { Server } from "node:http";
import { db } from "@/server/db";
import type { Logger } from "@/server/log";
import { onStopSignal } from "@/server/run-main";

/** A chat or media node as its process runs it: a server to listen on, a close, and a drain if it has one. */
type TNode = { http: Server; close: () => Promise<void>; drain?: () => void };

/**
 * Runs a node's process: logs what would otherwise crash it, listens (a port it cannot take is fatal), and
 * on the first SIGTERM or SIGINT drains, closes and disconnects the database, forced out after 3 s.
 */
export function serveNode(
  node: TNode,
  o: { log: Logger; host: string; port: number; inUse?: string; onListening: () => void },
): void {
  const { log, port } = o;
  process.on("unhandledRejection", (err) => log.error({ err }, "unhandled rejection"));
  process.on("uncaughtException", (err) => log.error({ err }, "uncaught exception"));

  node.http.on("error", (err: NodeJS.ErrnoException) => {
    log.fatal(
      { err, port },
      err.code === "EADDRINUSE" ? (o.inUse ?? "port is already in use") : "cannot listen",
    );
    process.exit(1);
  });
  // Node's default accept backlog (511) overflows when a show's audience arrives at once, or a restarted
  // slave's viewers all reconnect: the kernel drops the rest, and each dropped client retries its SYN after
  // 1, 3, 7, 15 s (this machine's counters showed listen overflows after storm runs). As the web tier does.
  node.http.listen({ port, host: o.host, backlog: 4096 }, o.onListening);

  let stopping = false;
  async function stop(signal: string): Promise<void> {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "stopping");
    node.drain?.();
    const force = setTimeout(() => process.exit(0), 3000);
    force.unref();
    await node.close().catch((err: unknown) => log.error({ err }, "close failed"));
    await db.$disconnect().catch(() => undefined);
    process.exit(0);
  }
  onStopSignal((signal) => void stop(signal));
}
