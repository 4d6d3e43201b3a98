/**
 * Baseline 1: one plain Socket.IO server, no relay. `BASELINE_PORT` (required), `BASELINE_NODE_ID`.
 *   node --import tsx bench/baselines/plain-socketio.ts
 */
import { startBaselineServer, stopOnSignal } from "@/bench/baselines/chat-server";

const port = Number(process.env.BASELINE_PORT);
if (!Number.isInteger(port) || port < 4000) throw new Error("BASELINE_PORT must be a port >= 4000");
startBaselineServer({ port, nodeId: process.env.BASELINE_NODE_ID ?? "plain" }).then(
  stopOnSignal,
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
