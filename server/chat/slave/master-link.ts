import type { Socket } from "socket.io-client";
import type { MasterToSlaveEvents, SlaveToMasterEvents } from "@/lib/chat/events";
import type {
  TLimitRequest,
  TLimitVerdict,
  TMasterToSlave,
  TSlaveStatus,
  TSlaveToMaster,
} from "@/lib/chat/node-protocol";
import type { TMessage } from "@/lib/chat/protocol";
import { loadRoomConfig } from "@/server/chat/room-config";
import { staffChannel, type TMasterPort, type TSlaveContext } from "@/server/chat/slave/context";
import { handleMasterMessage } from "@/server/chat/slave/handle-master-message";
import { MasterDialer } from "@/server/chat/slave/master-dialer";
import { notifyRestrictionChanges } from "@/server/chat/slave/restrictions";
import { emitRoomState, localViewers } from "@/server/chat/slave/room-state";

const HEARTBEAT_MS = 1000;
/** While the master is away, settings changed through the web tier are read from the DB this often. */
const DB_POLL_MS = 2000;
const OPEN_ROOM_TIMEOUT_MS = 1000;
/**
 * A send waits this long at most for the master's limit verdict (a loopback round trip is well under 1 ms
 * on an idle machine), then the slave decides alone: a lost master must not stall chat for longer. 300 ms
 * was too short on a saturated 2-core machine (load 36): verdicts came late and limits fell back to per slave.
 */
const LIMIT_TIMEOUT_MS = 1000;

/** This slave as the master sees it: rooms with local clients and their staff sockets. */
export function slaveStatus(ctx: TSlaveContext): TSlaveStatus {
  const rooms = ctx.rooms
    .ids()
    .map((roomId) => ({
      roomId,
      viewers: localViewers(ctx, roomId),
      staff: ctx.io.sockets.adapter.rooms.get(staffChannel(roomId))?.size ?? 0,
    }))
    .filter((r) => r.viewers > 0);
  return {
    nodeId: ctx.nodeId,
    url: ctx.url,
    connections: ctx.io.of("/").sockets.size,
    draining: ctx.draining,
    rooms,
    stats: ctx.stats.snapshot(),
  };
}

/**
 * The slave's link to the master: registers on every (re)connection, heartbeats every second, reconnects
 * within a second of the master coming back. Without a master the slave keeps its own clients chatting.
 */
export class MasterLink implements TMasterPort {
  private socket: Socket<MasterToSlaveEvents, SlaveToMasterEvents> | null = null;
  /** When the link was last lost (start counts: nothing was relayed before the first connection). */
  private lostAt: number | null = Date.now();
  private readonly waiters = new Map<string, (() => void)[]>();
  private nudgeTimer: NodeJS.Timeout | null = null;
  private readonly timers: NodeJS.Timeout[] = [];
  private queue: Promise<void> = Promise.resolve();
  private readonly dialer: MasterDialer;
  private outbox: TMessage[] = [];
  private reqSeq = 0;
  private readonly verdicts = new Map<number, (v: TLimitVerdict | undefined) => void>();

  constructor(
    private readonly ctx: TSlaveContext,
    opts: { masterUrls: string[]; secret: string },
  ) {
    // Several masters (one active, the others standby): the dialer tries them all and links to the one
    // that takes us; a standby refuses with STANDBY, a dead one does not answer.
    this.dialer = new MasterDialer(
      opts.masterUrls,
      { secret: opts.secret, nodeId: ctx.nodeId, url: ctx.url },
      (socket) => this.link(socket),
      (url, reason) => ctx.log.debug({ master: url, reason }, "master unreachable or standby"),
    );
    this.timers.push(setInterval(() => this.heartbeat(), HEARTBEAT_MS));
    this.timers.push(setInterval(() => void this.pollDb(), DB_POLL_MS));
    this.dialer.start();
  }

  get connected(): boolean {
    return this.socket?.connected ?? false;
  }

  /** The master URL currently dialled or connected. */
  get currentUrl(): string {
    return this.dialer.currentUrl;
  }

  /** A master took us: it is the link until it drops. */
  private link(socket: Socket<MasterToSlaveEvents, SlaveToMasterEvents>): void {
    this.socket = socket;
    socket.on("disconnect", (reason) => this.onDisconnect(reason));
    socket.on("node", (msg: TMasterToSlave) => {
      if (msg.type === "limit:verdict") return this.settleLimit(msg.reqId, msg.verdict);
      // In order: a room's config must be applied before the resync that relies on it.
      this.queue = this.queue
        .then(() => handleMasterMessage(this.ctx, msg, (roomId) => this.resolveWaiters(roomId)))
        .catch((err: unknown) => this.ctx.log.error({ err, type: msg.type }, "master message failed"));
    });
    this.onConnect();
  }

  /** Dropped while disconnected: socket.io-client would otherwise buffer it and replay it to the next master. */
  send(msg: TSlaveToMaster): void {
    if (this.socket?.connected) this.socket.emit("node", msg);
  }

  relay(message: TMessage): void {
    if (this.outbox.length === 0) setImmediate(() => this.flushOutbox());
    this.outbox.push(message);
  }

  private flushOutbox(): void {
    const messages = this.outbox;
    this.outbox = [];
    if (messages.length === 1) this.send({ type: "chat", message: messages[0]! });
    else if (messages.length > 1)
      this.send({ type: "chats", messages: messages.sort((a, b) => Number(a.id) - Number(b.id)) });
  }

  takeLimit(request: Omit<TLimitRequest, "reqId">): Promise<TLimitVerdict | undefined> {
    if (!this.connected) return Promise.resolve(undefined);
    const reqId = ++this.reqSeq;
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.settleLimit(reqId, undefined), LIMIT_TIMEOUT_MS);
      this.verdicts.set(reqId, (v) => (clearTimeout(timer), resolve(v)));
      this.send({ type: "limit:take", request: { ...request, reqId } });
    });
  }

  refundLimit(userId: string): void {
    this.send({ type: "limit:refund", userId });
  }

  private settleLimit(reqId: number, verdict: TLimitVerdict | undefined): void {
    const settle = this.verdicts.get(reqId);
    this.verdicts.delete(reqId);
    settle?.(verdict);
  }

  openRoom(roomId: string): Promise<void> {
    if (!this.connected) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, OPEN_ROOM_TIMEOUT_MS);
      this.waiters.set(roomId, [...(this.waiters.get(roomId) ?? []), () => (clearTimeout(timer), resolve())]);
      this.send({ type: "room:open", roomId });
    });
  }

  nudge(): void {
    this.nudgeTimer ??= setTimeout(() => {
      this.nudgeTimer = null;
      this.heartbeat();
    }, 50);
  }

  close(): void {
    this.timers.forEach(clearInterval);
    if (this.nudgeTimer) clearTimeout(this.nudgeTimer);
    this.dialer.close();
  }

  private heartbeat(): void {
    this.send({ type: "heartbeat", status: slaveStatus(this.ctx) });
  }

  private onConnect(): void {
    this.ctx.log.info({ lostAt: this.lostAt, master: this.dialer.currentUrl }, "connected to master");
    this.send({ type: "register", status: slaveStatus(this.ctx), lostAt: this.lostAt });
    this.lostAt = null;
    for (const roomId of this.ctx.rooms.ids()) emitRoomState(this.ctx, roomId);
  }

  private onDisconnect(reason: string): void {
    this.lostAt ??= Date.now();
    this.ctx.log.warn({ reason }, "lost the master: local chat only until it is back");
    for (const roomId of this.ctx.rooms.ids()) emitRoomState(this.ctx, roomId);
    for (const roomId of [...this.waiters.keys()]) this.resolveWaiters(roomId);
    for (const reqId of [...this.verdicts.keys()]) this.settleLimit(reqId, undefined);
  }

  private resolveWaiters(roomId: string): void {
    const list = this.waiters.get(roomId);
    this.waiters.delete(roomId);
    list?.forEach((fn) => fn());
  }

  /** Without a master, the DB is the only way settings and sanctions changed by the web tier arrive. */
  private async pollDb(): Promise<void> {
    if (this.connected) return;
    for (const roomId of this.ctx.rooms.ids()) {
      try {
        const config = await loadRoomConfig(roomId);
        if (!config) continue;
        const before = this.ctx.rooms.get(roomId)?.config ?? null;
        this.ctx.rooms.applyConfig(config, null);
        notifyRestrictionChanges(this.ctx, before, config);
        emitRoomState(this.ctx, roomId);
      } catch (err) {
        this.ctx.log.error({ err, roomId }, "config poll failed");
      }
    }
  }
}
