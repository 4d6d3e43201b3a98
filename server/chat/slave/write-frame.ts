import * as wsLib from "ws";
import type { ServerToClientEvents } from "@/lib/chat/events";
import type { TSlaveContext } from "@/server/chat/slave/context";

/** The parts of engine.io's and ws's sockets the fast path touches (untyped members of both libraries). */
type TRawWs = {
  readyState: number;
  _sender?: {
    _state: number;
    _queue: unknown[];
    sendFrame(list: Buffer[], cb?: (err?: Error) => void): void;
  };
};
type TEngineConn = {
  readyState: string;
  writeBuffer: unknown[];
  transport: { name: string; perMessageDeflate: unknown; socket?: TRawWs };
};
type TEngineWriter = { client: { writeToEngine(packets: string[], opts: object): void }; conn: TEngineConn };

/** ws's frame builder: public at runtime (`WebSocket.Sender`, what socket.io-adapter uses) but not in @types/ws. */
type TFrameOptions = { readOnly: boolean; mask: boolean; rsv1: boolean; opcode: number; fin: boolean };
// The namespace, not the default export: under ESM (vitest) the default is the WebSocket class without it.
const Sender = (wsLib as unknown as { Sender: { frame(data: Buffer, options: TFrameOptions): Buffer[] } })
  .Sender;

const WS_OPEN = 1;
/** ws's Sender idle state (not deflating, not reading a Blob): only then may a frame go straight to the socket. */
const SENDER_IDLE = 0;

/**
 * One Socket.IO event, encoded and framed once. Socket.IO's own broadcast also frames once, but then walks
 * every socket through engine.io's write path: a packet object, three events, a flush and a write callback
 * per socket cost ~2x the `writev` itself (profile in docs/PERFORMANCE.md). Here each socket gets one
 * `write()` of the same bytes.
 */
export type TFrame = { packet: string; bytes: Buffer };

/** Encodes `event` with the namespace's own encoder (so the bytes are exactly what `emit` would send). */
export function encodeFrame<E extends keyof ServerToClientEvents>(
  ctx: TSlaveContext,
  event: E,
  data: Parameters<ServerToClientEvents[E]>[0],
): TFrame {
  const encoded = (
    ctx.io.of("/").adapter as unknown as { encoder: { encode(p: object): unknown[] } }
  ).encoder.encode({ type: 2, nsp: "/", data: [event, data] });
  const packet = encoded[0];
  if (encoded.length !== 1 || typeof packet !== "string") throw new Error("chat frames carry no binary data");
  // "4" is engine.io's message packet; the WebSocket header and payload become one buffer: one write per socket.
  const parts = Sender.frame(Buffer.from(`4${packet}`), {
    readOnly: false,
    mask: false,
    rsv1: false,
    opcode: 1,
    fin: true,
  });
  return { packet, bytes: Buffer.concat(parts) };
}

/**
 * Writes a frame to every socket of a Socket.IO room of this slave; returns how many got it. A socket whose
 * engine still holds queued packets (or that is not on a plain WebSocket) goes through engine.io's queue,
 * so nothing ever overtakes what was sent to it before.
 */
export function writeFrame(ctx: TSlaveContext, channel: string, frame: TFrame): number {
  const nsp = ctx.io.of("/");
  const ids = nsp.adapter.rooms.get(channel);
  if (!ids) return 0;
  let written = 0;
  let single: Buffer[] | null = null;
  for (const id of ids) {
    const socket = nsp.sockets.get(id) as unknown as TEngineWriter | undefined;
    if (!socket) continue;
    const conn = socket.conn;
    const ws = conn.transport.socket;
    const sender = ws?._sender;
    if (
      conn.readyState === "open" &&
      conn.writeBuffer.length === 0 &&
      conn.transport.name === "websocket" &&
      !conn.transport.perMessageDeflate &&
      ws?.readyState === WS_OPEN &&
      sender &&
      sender._state === SENDER_IDLE &&
      sender._queue.length === 0
    ) {
      single ??= [frame.bytes];
      sender.sendFrame(single);
    } else {
      socket.client.writeToEngine([frame.packet], { preEncoded: true });
    }
    written += 1;
  }
  return written;
}
