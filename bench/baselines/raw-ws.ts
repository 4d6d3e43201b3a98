/**
 * Baseline 3, the ceiling: a bare `ws` server speaking just enough of the Engine.IO 4 / Socket.IO 5 wire
 * protocol for socket.io-client (open, connect, ping, events with acks), with the same events and Message
 * shape as the other baselines. A broadcast is encoded and framed once and the same bytes are written to
 * every socket: nothing but the write itself is paid per recipient. `BASELINE_PORT` (required), `BASELINE_NODE_ID`.
 *   node --import tsx bench/baselines/raw-ws.ts
 */
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import WebSocket, { WebSocketServer } from "ws";
import { MAX_PAYLOAD_BYTES } from "@/lib/chat/protocol";

const port = Number(process.env.BASELINE_PORT);
if (!Number.isInteger(port) || port < 4000) throw new Error("BASELINE_PORT must be a port >= 4000");
const nodeId = process.env.BASELINE_NODE_ID ?? "raw-ws";
const PING_INTERVAL_MS = 10_000;

type TFrameOptions = { readOnly: boolean; mask: boolean; rsv1: boolean; opcode: number; fin: boolean };
const Sender = (WebSocket as unknown as { Sender: { frame(data: Buffer, options: TFrameOptions): Buffer[] } })
  .Sender;
type TRawSender = { sendFrame(list: Buffer[]): void };

const rooms = new Map<string, Set<WebSocket>>();
let seq = 0;

function frameOf(text: string): Buffer[] {
  return [
    Buffer.concat(
      Sender.frame(Buffer.from(text), { readOnly: false, mask: false, rsv1: false, opcode: 1, fin: true }),
    ),
  ];
}

function broadcast(roomId: string, event: string, data: unknown): void {
  const members = rooms.get(roomId);
  if (!members) return;
  const frame = frameOf(`42${JSON.stringify([event, data])}`);
  for (const ws of members)
    if (ws.readyState === WebSocket.OPEN) (ws as unknown as { _sender: TRawSender })._sender.sendFrame(frame);
}

function onEvent(
  ws: WebSocket,
  joined: Set<string>,
  event: string,
  payload: { roomId?: string; text?: string; clientId?: string },
  ack: (res: unknown) => void,
): void {
  const roomId = String(payload?.roomId ?? "");
  if (event === "room:join") {
    joined.add(roomId);
    if (!rooms.has(roomId)) rooms.set(roomId, new Set());
    rooms.get(roomId)!.add(ws);
    return ack({ ok: true, nodeId });
  }
  if (event === "chat:send") {
    const message = {
      id: `${nodeId}-${++seq}`,
      roomId,
      clientId: payload.clientId,
      user: { id: "raw", name: "Bench viewer", role: "SHOPPER" },
      text: String(payload.text ?? "").trim(),
      kind: "chat",
      createdAt: new Date().toISOString(),
      nodeId,
    };
    ack({ ok: true, message });
    broadcast(roomId, "chat:message", message);
  }
}

const http = createServer((req, res) => {
  res.writeHead(req.url === "/health" ? 200 : 404, { "content-type": "application/json" });
  res.end(JSON.stringify({ ok: req.url === "/health", role: "baseline", nodeId }));
});
const wss = new WebSocketServer({
  server: http,
  path: "/socket.io/",
  maxPayload: MAX_PAYLOAD_BYTES,
  perMessageDeflate: false,
});

wss.on("connection", (ws) => {
  const joined = new Set<string>();
  ws.send(
    `0${JSON.stringify({ sid: randomBytes(8).toString("hex"), upgrades: [], pingInterval: PING_INTERVAL_MS, pingTimeout: 5000, maxPayload: MAX_PAYLOAD_BYTES })}`,
  );
  const ping = setInterval(() => ws.send("2"), PING_INTERVAL_MS);
  ws.on("close", () => {
    clearInterval(ping);
    for (const roomId of joined) rooms.get(roomId)?.delete(ws);
  });
  ws.on("message", (raw) => {
    const text = Buffer.isBuffer(raw)
      ? raw.toString("utf8")
      : Buffer.concat(Array.isArray(raw) ? raw : [Buffer.from(raw)]).toString("utf8");
    if (text === "3") return; // pong
    if (text.startsWith("40")) return ws.send(`40${JSON.stringify({ sid: randomBytes(8).toString("hex") })}`);
    if (!text.startsWith("42")) return;
    const m = /^42(\d*)/.exec(text)!;
    const ackId = m[1];
    let args: unknown;
    try {
      args = JSON.parse(text.slice(m[0].length));
    } catch {
      return;
    }
    if (!Array.isArray(args) || typeof args[0] !== "string") return;
    const ack = (res: unknown) => {
      if (ackId) ws.send(`43${ackId}${JSON.stringify([res])}`);
    };
    onEvent(ws, joined, args[0], (args[1] ?? {}) as { roomId?: string }, ack);
  });
});

http.listen(port, "127.0.0.1");
const stop = () => {
  wss.clients.forEach((ws) => ws.terminate());
  http.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 1000).unref();
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
