/**
 * A load-generator process (forked by bench/chat.ts): holds a share of the clients, sends its share of the
 * messages from the signed-in ones, and times every delivery. Runs apart from the servers so their CPU
 * figures hold only server work; it reports its own CPU so a saturated generator shows up.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { io, type Socket } from "socket.io-client";
import { Histogram, nowMs, type THistogramData } from "@/bench/chat/stats";

/** One client: which server it connects to (its group) and, for senders, a session token. */
export type TClientSpec = { url: string; group: number; sender: boolean; token?: string };

export type TToWorker =
  | { type: "connect"; roomId: string; clients: TClientSpec[] }
  | {
      type: "run";
      runId: string;
      startAt: number;
      warmupMs: number;
      durationMs: number;
      drainMs: number;
      ratePerSecond: number;
      phase: number;
    }
  | { type: "close" };

export type TRunResult = {
  type: "result";
  runId: string;
  /** Messages sent inside the measured window, and those acknowledged `ok`, per sender group. */
  sent: number;
  okByGroup: number[];
  errors: Record<string, number>;
  deliveries: number;
  /** Deliveries of window messages that arrived after the drain (counted, not timed). */
  latency: THistogramData;
  ack: THistogramData;
  disconnects: number;
  disconnectReasons: Record<string, number>;
  loopDelayP99Ms: number;
};

export type TFromWorker =
  | {
      type: "ready";
      connected: number;
      failed: number;
      firstError: string | null;
      ms: number;
      roomStates: number;
    }
  | TRunResult
  | { type: "closed" };

type TAck = { ok: boolean; error?: { code?: string } };
type TClient = { socket: Socket; spec: TClientSpec };

const CONNECT_CONCURRENCY = 50;
const ACK_TIMEOUT_MS = 10_000;

let roomId = "";
/** room:state events received by this worker's clients so far (every join re-broadcasts the viewer count). */
let roomStates = 0;
const clients: TClient[] = [];
let current: {
  runId: string;
  from: number;
  to: number;
  deliveries: number;
  latency: Histogram;
  disconnects: Record<string, number>;
} | null = null;

function send(msg: TFromWorker): void {
  process.send?.(msg);
}

function onMessage(text: unknown): void {
  if (!current || typeof text !== "string" || !text.startsWith("bench ")) return;
  const [, runId, sentAt] = text.split(" ");
  const at = Number(sentAt);
  if (runId !== current.runId || at < current.from || at >= current.to) return;
  current.deliveries += 1;
  current.latency.add(nowMs() - at);
}

async function connectOne(spec: TClientSpec): Promise<void> {
  const socket = io(spec.url, {
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    auth: spec.token ? { token: spec.token } : {},
  });
  socket.on("room:state", () => void (roomStates += 1));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("connect timed out")), 20_000);
    socket.once("connect", () => (clearTimeout(timer), resolve()));
    socket.once("connect_error", (err) => (clearTimeout(timer), reject(err)));
  });
  const ack = (await socket.timeout(20_000).emitWithAck("room:join", { roomId })) as TAck;
  if (!ack.ok) throw new Error(`join refused: ${JSON.stringify(ack.error)}`);
  socket.on("chat:message", (m: { text?: unknown }) => onMessage(m.text));
  socket.on("chat:messages", (list: { text?: unknown }[]) => list.forEach((m) => onMessage(m.text)));
  socket.on("disconnect", (reason) => {
    if (current) current.disconnects[reason] = (current.disconnects[reason] ?? 0) + 1;
  });
  clients.push({ socket, spec });
}

async function connectAll(specs: TClientSpec[]): Promise<void> {
  const started = nowMs();
  let failed = 0;
  let firstError: string | null = null;
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(CONNECT_CONCURRENCY, specs.length) }, async () => {
      while (next < specs.length) {
        const spec = specs[next++]!;
        await connectOne(spec).catch((err: unknown) => {
          failed += 1;
          firstError ??= err instanceof Error ? err.message : String(err);
        });
      }
    }),
  );
  send({ type: "ready", connected: clients.length, failed, firstError, ms: nowMs() - started, roomStates });
}

/** Sends at a fixed rate from `startAt` (warm-up, then the window), round-robin over this worker's senders. */
async function run(cmd: Extract<TToWorker, { type: "run" }>): Promise<void> {
  const from = cmd.startAt + cmd.warmupMs;
  const to = from + cmd.durationMs;
  current = { runId: cmd.runId, from, to, deliveries: 0, latency: new Histogram(), disconnects: {} };
  const senders = clients.filter((c) => c.spec.sender);
  const groups = Math.max(0, ...clients.map((c) => c.spec.group)) + 1;
  const okByGroup = new Array<number>(groups).fill(0);
  const errors: Record<string, number> = {};
  const ack = new Histogram();
  let sent = 0;
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const pending: Promise<void>[] = [];
  const interval = 1000 / cmd.ratePerSecond;
  if (senders.length > 0 && cmd.ratePerSecond > 0) {
    for (let k = 0; ; k++) {
      // Workers are offset by a fraction of the interval so their sends interleave instead of colliding.
      const due = cmd.startAt + (k + cmd.phase) * interval;
      if (due >= to) break;
      const wait = due - nowMs();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const sender = senders[k % senders.length]!;
      const sentAt = nowMs();
      const inWindow = sentAt >= from && sentAt < to;
      if (inWindow) sent += 1;
      const clientId = `b-${cmd.runId}-${process.pid}-${k}`;
      pending.push(
        (
          sender.socket.timeout(ACK_TIMEOUT_MS).emitWithAck("chat:send", {
            roomId,
            text: `bench ${cmd.runId} ${sentAt.toFixed(3)} ${k}`,
            clientId,
          }) as Promise<TAck>
        ).then(
          (res) => {
            if (!inWindow) return;
            ack.add(nowMs() - sentAt);
            if (res.ok) okByGroup[sender.spec.group]! += 1;
            else errors[res.error?.code ?? "UNKNOWN"] = (errors[res.error?.code ?? "UNKNOWN"] ?? 0) + 1;
          },
          () => {
            if (inWindow) errors.ACK_TIMEOUT = (errors.ACK_TIMEOUT ?? 0) + 1;
          },
        ),
      );
    }
  } else {
    await new Promise((r) => setTimeout(r, Math.max(0, to - nowMs())));
  }
  await Promise.all(pending);
  const rest = to + cmd.drainMs - nowMs();
  if (rest > 0) await new Promise((r) => setTimeout(r, rest));
  loop.disable();
  const done = current;
  current = null;
  send({
    type: "result",
    runId: cmd.runId,
    sent,
    okByGroup,
    errors,
    deliveries: done.deliveries,
    latency: done.latency.toJSON(),
    ack: ack.toJSON(),
    disconnects: Object.values(done.disconnects).reduce((a, b) => a + b, 0),
    disconnectReasons: done.disconnects,
    loopDelayP99Ms: loop.percentile(99) / 1e6,
  });
}

process.on("message", (msg: TToWorker) => {
  switch (msg.type) {
    case "connect":
      roomId = msg.roomId;
      void connectAll(msg.clients);
      return;
    case "run":
      void run(msg);
      return;
    case "close":
      clients.forEach((c) => c.socket.disconnect());
      send({ type: "closed" });
      setTimeout(() => process.exit(0), 100);
      return;
  }
});
