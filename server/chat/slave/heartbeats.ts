import type { Server } from "socket.io";

/** The parts of an engine.io 6 socket the wheel touches (untyped internals, as in write-frame.ts). */
type TEngineConn = {
  protocol: number;
  readyState: string;
  pingIntervalTimer: NodeJS.Timeout | null;
  sendPacket(type: "ping"): void;
  onClose(reason: string): void;
  on(event: "heartbeat" | "close", listener: () => void): void;
};

type TBeat = { conn: TEngineConn; pingedAt: number; pongAt: number };

/** A ping goes out to one slot of the sockets per tick: every socket is pinged once per `SLOTS` ticks. */
const SLOTS = 10;

/**
 * Engine.IO pings every socket on a timer of its own, so a slave with 2,500 idle viewers woke up ~500 times a
 * second for pings and pongs, and that heartbeat was most of an idle slave's CPU (3.2–5.3% of a core at
 * 2,500 viewers, docs/PERFORMANCE.md). The wheel takes the heartbeat over for protocol-4 sockets: once per
 * pingInterval/10 it pings one tenth of them, all in the same turn of the event loop, so their pongs come
 * back together too; a socket whose pong has not come `pingTimeout` later is closed with engine.io's own
 * "ping timeout", as before (at most one tick later). Clients see the same pingInterval.
 */
export class HeartbeatWheel {
  private readonly slots = Array.from({ length: SLOTS }, () => new Map<TEngineConn, TBeat>());
  private tick = 0;
  private readonly timer: NodeJS.Timeout;
  private readonly tickMs: number;
  /** Ticks between a slot's ping and the check of its pongs. */
  private readonly timeoutTicks: number;

  constructor(io: Server, opts: { pingInterval: number; pingTimeout: number }) {
    this.tickMs = opts.pingInterval / SLOTS;
    this.timeoutTicks = Math.min(SLOTS, Math.max(1, Math.ceil(opts.pingTimeout / this.tickMs)));
    io.engine.on("connection", (conn: TEngineConn) => this.add(conn));
    this.timer = setInterval(() => this.turn(), this.tickMs);
  }

  /** How many sockets the wheel pings. */
  get size(): number {
    return this.slots.reduce((n, slot) => n + slot.size, 0);
  }

  close(): void {
    clearInterval(this.timer);
  }

  private add(conn: TEngineConn): void {
    // Protocol 3 clients ping the server themselves; engine.io keeps them.
    if (conn.protocol !== 4 || conn.readyState !== "open") return;
    if (conn.pingIntervalTimer) clearTimeout(conn.pingIntervalTimer);
    // engine.io refreshes this timer on every pong: null makes that a no-op.
    conn.pingIntervalTimer = null;
    // The slot just pinged: a new socket's first ping comes one full interval after it connected.
    const slot = this.slots[(this.tick + SLOTS - 1) % SLOTS]!;
    const beat: TBeat = { conn, pingedAt: 0, pongAt: 0 };
    slot.set(conn, beat);
    conn.on("heartbeat", () => void (beat.pongAt = performance.now()));
    conn.on("close", () => void slot.delete(conn));
  }

  private turn(): void {
    const now = performance.now();
    const t = this.tick++;
    for (const beat of this.slots[(t - this.timeoutTicks + SLOTS) % SLOTS]!.values()) {
      if (beat.pingedAt > beat.pongAt && beat.conn.readyState === "open") beat.conn.onClose("ping timeout");
    }
    for (const beat of this.slots[t % SLOTS]!.values()) {
      beat.pingedAt = now;
      beat.conn.sendPacket("ping");
    }
  }
}
