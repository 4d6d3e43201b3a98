/**
 * The baselines' chat server: the same client events and Message shape as a chat slave (so one load
 * generator drives every row), with the same transport settings, but nothing behind the broadcast: no
 * validation, no database, no rules. Whatever the adapter is (in-memory or Redis), a message goes to the
 * whole room.
 */
import { createServer } from "node:http";
import { Server, type ServerOptions } from "socket.io";
import { MAX_PAYLOAD_BYTES } from "@/lib/chat/protocol";

export type TBaselineOptions = { port: number; nodeId: string; adapter?: ServerOptions["adapter"] };

let seq = 0;

/** Starts the server on 127.0.0.1:port; resolves once it listens. */
export async function startBaselineServer(opts: TBaselineOptions): Promise<() => Promise<void>> {
  const http = createServer((req, res) => {
    res.writeHead(req.url === "/health" ? 200 : 404, { "content-type": "application/json" });
    res.end(JSON.stringify({ ok: req.url === "/health", role: "baseline", nodeId: opts.nodeId }));
  });
  const io = new Server(http, {
    maxHttpBufferSize: MAX_PAYLOAD_BYTES,
    serveClient: false,
    pingInterval: 10_000,
    pingTimeout: 5000,
    ...(opts.adapter ? { adapter: opts.adapter } : {}),
  });
  io.on("connection", (socket) => {
    socket.on("room:join", async (req: { roomId: string }, ack: (res: unknown) => void) => {
      await socket.join(`room:${req.roomId}`);
      ack({ ok: true, nodeId: opts.nodeId });
    });
    socket.on(
      "chat:send",
      (req: { roomId: string; text: string; clientId: string }, ack: (res: unknown) => void) => {
        const message = {
          id: `${opts.nodeId}-${++seq}`,
          roomId: req.roomId,
          clientId: req.clientId,
          user: { id: socket.id, name: "Bench viewer", role: "SHOPPER" },
          text: req.text.trim(),
          kind: "chat",
          createdAt: new Date().toISOString(),
          nodeId: opts.nodeId,
        };
        ack({ ok: true, message });
        io.to(`room:${req.roomId}`).emit("chat:message", message);
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(opts.port, "127.0.0.1", resolve);
  });
  return () =>
    new Promise<void>((resolve) => {
      void io.close(() => resolve());
      http.closeAllConnections();
    });
}

/** Runs until SIGTERM/SIGINT, then closes and exits 0. */
export function stopOnSignal(
  close: () => Promise<void>,
  extra: () => Promise<unknown> = () => Promise.resolve(),
): void {
  const stop = () =>
    void close()
      .then(extra)
      .finally(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
