/**
 * Baseline 2: a Socket.IO server joined to its peers by `@socket.io/redis-adapter`. Start two (or more)
 * against one redis-server. `BASELINE_PORT` (required), `BASELINE_NODE_ID`, `REDIS_URL` (loopback).
 *   REDIS_URL=redis://127.0.0.1:4600 BASELINE_PORT=4601 node --import tsx bench/baselines/redis-socketio.ts
 */
import { createAdapter } from "@socket.io/redis-adapter";
import { createClient } from "redis";
import { startBaselineServer, stopOnSignal } from "@/bench/baselines/chat-server";

const port = Number(process.env.BASELINE_PORT);
if (!Number.isInteger(port) || port < 4000) throw new Error("BASELINE_PORT must be a port >= 4000");
const url = new URL(process.env.REDIS_URL ?? "");
if (!/^127(\.\d{1,3}){3}$/.test(url.hostname)) throw new Error("REDIS_URL must be a loopback redis:// URL");

async function main(): Promise<void> {
  const pub = createClient({ url: url.href });
  const sub = pub.duplicate();
  pub.on("error", (err: unknown) => console.error("redis pub:", err));
  sub.on("error", (err: unknown) => console.error("redis sub:", err));
  await Promise.all([pub.connect(), sub.connect()]);
  const close = await startBaselineServer({
    port,
    nodeId: process.env.BASELINE_NODE_ID ?? `redis-${port}`,
    adapter: createAdapter(pub, sub),
  });
  stopOnSignal(close, () => Promise.allSettled([pub.quit(), sub.quit()]));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
