/**
 * Browser-side chat connection manager for the chat panel: finds a slave through the web tier, joins,
 * keeps the message list deduplicated and ordered by id, and on any disconnect asks for another node
 * (skipping the dead one) and backfills with `sinceId`. Browser-safe; also runs in Node (tests, bots).
 */
import { io, type Socket } from "socket.io-client";
import { request } from "@/lib/api/request";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/chat/events";
import type {
  TDeleted,
  TJoinAck,
  TMessage,
  TProductUpdate,
  TRestriction,
  TRoomState,
  TSendAck,
} from "@/lib/chat/protocol";
import type { TAuctionUpdate } from "@/lib/auctions/auction-schemas";
import type { TGiveawayUpdate } from "@/lib/giveaways/giveaway-schemas";
import type { TBidAck, TEnterAck } from "@/lib/chat/engage-protocol";
import type { TLikeCount } from "@/lib/chat/room-events";
import { LikeBatcher } from "@/lib/chat/like-batcher";

export type TChatNodeRef = { nodeId: string; url: string };
export type TChatStatus = "connecting" | "connected" | "reconnecting" | "closed";

export type TChatClientOptions = {
  roomId: string;
  /** Session token or chat ticket; without it the client reads as a guest. */
  token?: string | null;
  /** Asked before every connection (a chat ticket lives two minutes): overrides `token` when given. */
  getToken?: () => Promise<string | null>;
  /** Where the web tier lives ("" = same origin). */
  apiBase?: string;
  /** Override node discovery (default: GET {apiBase}/api/rooms/:id/chat-node?exclude=...). */
  resolveNode?: (exclude: string[]) => Promise<TChatNodeRef>;
};

type TEvents = {
  message: (message: TMessage) => void;
  deleted: (event: TDeleted) => void;
  state: (state: TRoomState) => void;
  product: (update: TProductUpdate) => void;
  restriction: (restriction: TRestriction) => void;
  auction: (update: TAuctionUpdate) => void;
  giveaway: (update: TGiveawayUpdate) => void;
  likes: (count: TLikeCount) => void;
  status: (status: TChatStatus, info: { nodeId?: string; reason?: string }) => void;
};

type TClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A live message becomes a safe resume point once this old: anything with a smaller id has arrived by then. */
const SETTLE_MS = 2000;
/** After the slave regains its master, older ids of other groups may still arrive (resync): wait this long. */
const RESYNC_GRACE_MS = 5000;
const CONNECT_TIMEOUT_MS = 3000;
const SEND_TIMEOUT_MS = 5000;
const SEND_ATTEMPTS = 3;
/** Messages kept in memory for a long show; the oldest ids go first. */
const MAX_KEPT = 2000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const backoff = (attempt: number) => Math.min(5000, 250 * 2 ** attempt) * (0.8 + Math.random() * 0.4);
const newClientId = () =>
  typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

export class ChatClient {
  private socket: TClientSocket | null = null;
  // Taps leave at most twice a second, several in one `like:tap { count }`.
  private readonly likes = new LikeBatcher((count) => {
    if (this.socket?.connected && this.status === "connected")
      this.socket.emit("like:tap", { roomId: this.opts.roomId, count });
  });
  private closed = false;
  private readonly byId = new Map<string, TMessage>();
  private readonly listeners: { [K in keyof TEvents]: Set<TEvents[K]> } = {
    message: new Set(),
    deleted: new Set(),
    state: new Set(),
    product: new Set(),
    restriction: new Set(),
    auction: new Set(),
    giveaway: new Set(),
    likes: new Set(),
    status: new Set(),
  };
  private safeId = 0;
  private settling: { id: number; at: number }[] = [];
  private degraded = false;
  private frozenUntil = 0;
  private token: string | null;
  status: TChatStatus = "connecting";
  nodeId: string | null = null;
  state: TRoomState | null = null;

  constructor(private readonly opts: TChatClientOptions) {
    this.token = opts.token ?? null;
  }

  /** Starts connecting (and reconnecting, until close()). */
  start(): this {
    void this.run();
    return this;
  }

  on<K extends keyof TEvents>(event: K, fn: TEvents[K]): () => void {
    this.listeners[event].add(fn);
    return () => void this.listeners[event].delete(fn);
  }

  /** Messages received so far, oldest first, each once. */
  messages(): TMessage[] {
    return [...this.byId.values()].sort((a, b) => Number(a.id) - Number(b.id));
  }

  /**
   * Sends with a fresh clientId and retries with the same one across reconnections, so a message whose
   * ack was lost is stored and shown once.
   */
  async send(text: string): Promise<TSendAck> {
    const clientId = newClientId();
    for (let attempt = 0; attempt < SEND_ATTEMPTS && !this.closed; attempt++) {
      const socket = await this.connectedSocket(SEND_TIMEOUT_MS);
      if (!socket) continue;
      try {
        const ack = (await socket
          .timeout(SEND_TIMEOUT_MS)
          .emitWithAck("chat:send", { roomId: this.opts.roomId, text, clientId })) as TSendAck;
        if (ack.ok) this.add(ack.message);
        return ack;
      } catch {
        // No ack in time: the node may have died after storing it; the retry returns the stored copy.
      }
    }
    return {
      ok: false,
      error: { code: "UNAVAILABLE", message: "Chat is unreachable right now. Please try again." },
    };
  }

  /**
   * One bid, never resent: a second copy could land after a higher bid and be refused, or, worse, lead
   * where the bidder did not mean it to. No ack in time answers UNAVAILABLE (the bid may or may not stand:
   * the next auction:update tells).
   */
  bid(auctionId: string, amountMinor: number): Promise<TBidAck> {
    return this.emitOnce(
      (socket) => socket.emitWithAck("auction:bid", { auctionId, amountMinor }),
      "The auction is unreachable right now. Please try again.",
    );
  }

  /** Enters a giveaway. Safe to press again (one entry per viewer), so the viewer may simply retry. */
  enter(giveawayId: string): Promise<TEnterAck> {
    return this.emitOnce(
      (socket) => socket.emitWithAck("giveaway:enter", { giveawayId }),
      "The giveaway is unreachable right now. Please try again.",
    );
  }

  /** One acked request on the live connection, sent once; no connection or no ack in time → UNAVAILABLE. */
  private async emitOnce<TAck>(
    send: (socket: ReturnType<TClientSocket["timeout"]>) => Promise<TAck>,
    unavailable: string,
  ): Promise<TAck | { ok: false; error: { code: "UNAVAILABLE"; message: string } }> {
    const refused = { ok: false as const, error: { code: "UNAVAILABLE" as const, message: unavailable } };
    const socket = await this.connectedSocket(SEND_TIMEOUT_MS);
    if (!socket) return refused;
    try {
      return await send(socket.timeout(SEND_TIMEOUT_MS));
    } catch {
      return refused;
    }
  }

  /** A heart tap: fire and forget (dropped while disconnected; the server coalesces and rate-limits them). */
  tapLike(): void {
    this.likes.tap();
  }

  close(): void {
    this.likes.flush();
    this.likes.stop();
    this.closed = true;
    this.socket?.disconnect();
    this.setStatus("closed", {});
  }

  private async run(): Promise<void> {
    let exclude: string[] = [];
    let attempt = 0;
    while (!this.closed) {
      let node: TChatNodeRef;
      try {
        node = await this.resolve(exclude);
      } catch (err) {
        this.setStatus("reconnecting", { reason: (err as Error).message });
        await sleep(backoff(attempt++));
        exclude = [];
        continue;
      }
      const socket = await this.open(node);
      if (this.closed) return;
      if (!socket) {
        exclude = [...exclude, node.nodeId];
        await sleep(backoff(attempt++));
        continue;
      }
      const ended = new Promise<string>((resolve) => socket.once("disconnect", resolve));
      const joined = await this.join(socket);
      if (joined === "gone") {
        // The show does not exist (any more): retrying elsewhere cannot help.
        this.close();
        return;
      }
      if (joined) {
        attempt = 0;
        this.setStatus("connected", { nodeId: node.nodeId });
      }
      const reason = joined ? await ended : "join failed";
      if (this.closed) return;
      socket.disconnect();
      this.setStatus("reconnecting", { nodeId: node.nodeId, reason });
      // The node we lost is the one not to be sent back to.
      exclude = [node.nodeId];
      if (!joined) await sleep(backoff(attempt++));
    }
  }

  private async resolve(exclude: string[]): Promise<TChatNodeRef> {
    if (this.opts.resolveNode) return this.opts.resolveNode(exclude);
    const query = exclude.length > 0 ? `?exclude=${encodeURIComponent(exclude.join(","))}` : "";
    return request<TChatNodeRef>(
      "GET",
      `${this.opts.apiBase ?? ""}/api/rooms/${encodeURIComponent(this.opts.roomId)}/chat-node${query}`,
      { headers: this.token ? { authorization: `Bearer ${this.token}` } : {} },
    );
  }

  private async open(node: TChatNodeRef): Promise<TClientSocket | null> {
    if (this.opts.getToken) this.token = await this.opts.getToken();
    return new Promise((resolve) => {
      const socket: TClientSocket = io(node.url, {
        transports: ["websocket"],
        reconnection: false,
        forceNew: true,
        timeout: CONNECT_TIMEOUT_MS,
        auth: this.token ? { token: this.token } : {},
      });
      socket.once("connect", () => {
        // close() may have run while we were resolving or connecting: do not leave a live socket behind.
        if (this.closed) {
          socket.disconnect();
          resolve(null);
          return;
        }
        this.socket = socket;
        this.nodeId = node.nodeId;
        this.wire(socket);
        resolve(socket);
      });
      socket.once("connect_error", (err) => {
        socket.disconnect();
        if (err.message === "UNAUTHENTICATED" && this.token) {
          // An expired session: keep reading as a guest rather than retrying forever.
          this.token = null;
          this.setStatus("reconnecting", { nodeId: node.nodeId, reason: "UNAUTHENTICATED" });
        }
        resolve(null);
      });
    });
  }

  private wire(socket: TClientSocket): void {
    socket.on("chat:message", (m) => this.add(m));
    // A slave may batch a tick's messages into one frame (contract): the same as that many chat:message.
    socket.on("chat:messages", (list) => {
      if (Array.isArray(list)) for (const m of list) this.add(m);
    });
    socket.on("chat:deleted", (e) => {
      for (const id of e.ids) this.byId.delete(id);
      this.emit("deleted", e);
    });
    socket.on("room:state", (s) => {
      if (this.degraded && !s.degraded) this.frozenUntil = Date.now() + RESYNC_GRACE_MS;
      this.degraded = s.degraded;
      this.state = s;
      this.emit("state", s);
    });
    socket.on("product:update", (u) => this.emit("product", u));
    socket.on("chat:restriction", (r) => this.emit("restriction", r));
    socket.on("auction:update", (a) => this.emit("auction", a));
    socket.on("giveaway:update", (g) => this.emit("giveaway", g));
    socket.on("like:count", (l) => this.emit("likes", l));
  }

  private async join(socket: TClientSocket): Promise<boolean | "gone"> {
    const sinceId = this.resumePoint();
    try {
      const request = { roomId: this.opts.roomId, ...(sinceId !== null ? { sinceId: String(sinceId) } : {}) };
      const ack = (await socket.timeout(SEND_TIMEOUT_MS).emitWithAck("room:join", request)) as TJoinAck;
      if (!ack.ok) return ack.error.code === "NOT_FOUND" ? "gone" : false;
      for (const m of ack.history) this.add(m, true);
      // History is one consistent read: everything up to its last id that we may see is now here.
      const last = ack.history[ack.history.length - 1];
      if (last) this.safeId = Math.max(this.safeId, Number(last.id));
      return true;
    } catch {
      return false;
    }
  }

  /** The highest id below which nothing visible can still be missing (see SETTLE_MS), or null for "latest". */
  private resumePoint(): number | null {
    const now = Date.now();
    if (!this.degraded && now > this.frozenUntil) {
      for (const s of this.settling) if (now - s.at >= SETTLE_MS) this.safeId = Math.max(this.safeId, s.id);
    }
    this.settling = this.settling.filter((s) => Number(s.id) > this.safeId);
    if (this.safeId > 0) return this.safeId;
    const known = [...this.byId.keys()].map(Number);
    return known.length > 0 ? Math.min(...known) - 1 : null;
  }

  private add(m: TMessage, fromHistory = false): void {
    if (this.byId.has(m.id)) return;
    this.byId.set(m.id, m);
    if (this.byId.size > MAX_KEPT) {
      let oldest = m.id;
      for (const id of this.byId.keys()) if (Number(id) < Number(oldest)) oldest = id;
      this.byId.delete(oldest);
    }
    if (!fromHistory && !this.degraded) this.settling.push({ id: Number(m.id), at: Date.now() });
    this.emit("message", m);
  }

  private async connectedSocket(timeoutMs: number): Promise<TClientSocket | null> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed && Date.now() < deadline) {
      if (this.socket?.connected && this.status === "connected") return this.socket;
      await sleep(100);
    }
    return null;
  }

  private setStatus(status: TChatStatus, info: { nodeId?: string; reason?: string }): void {
    this.status = status;
    this.emit("status", status, info);
  }

  private emit<K extends keyof TEvents>(event: K, ...args: Parameters<TEvents[K]>): void {
    for (const fn of this.listeners[event]) {
      try {
        (fn as (...a: Parameters<TEvents[K]>) => void)(...args);
      } catch {
        // A listener's bug must not break the connection loop.
      }
    }
  }
}
