import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/chat/events";
import type {
  TJoinAck,
  TMessage,
  TProductUpdate,
  TRestriction,
  TRoomState,
  TSendAck,
} from "@/lib/chat/protocol";
import type { TAuctionUpdate } from "@/lib/auctions/auction-schemas";
import type { TBidAck, TEnterAck } from "@/lib/chat/engage-protocol";
import type { TGiveawayUpdate } from "@/lib/giveaways/giveaway-schemas";
import type { TLikeCount } from "@/lib/chat/room-events";

let seq = 0;
const WAIT_MS = 5000;

/** A real Socket.IO client that records everything a slave sends it, with awaitable expectations. */
export class TestClient {
  readonly messages: TMessage[] = [];
  /** Sizes of the frames messages arrived in (1 for chat:message), in arrival order. */
  readonly frames: number[] = [];
  readonly states: TRoomState[] = [];
  readonly deleted: string[] = [];
  readonly restrictions: TRestriction[] = [];
  readonly products: TProductUpdate[] = [];
  readonly auctions: TAuctionUpdate[] = [];
  readonly likes: TLikeCount[] = [];
  readonly giveaways: TGiveawayUpdate[] = [];
  private readonly listeners = new Set<() => void>();

  private constructor(
    readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>,
    public roomId: string,
  ) {
    socket.on("chat:message", (m) => this.record(() => (this.frames.push(1), this.messages.push(m))));
    socket.on("chat:messages", (list) =>
      this.record(() => (this.frames.push(list.length), this.messages.push(...list))),
    );
    socket.on("room:state", (s) => this.record(() => this.states.push(s)));
    socket.on("chat:deleted", (e) => this.record(() => this.deleted.push(...e.ids)));
    socket.on("chat:restriction", (r) => this.record(() => this.restrictions.push(r)));
    socket.on("product:update", (p) => this.record(() => this.products.push(p)));
    socket.on("auction:update", (a) => this.record(() => this.auctions.push(a)));
    socket.on("like:count", (l) => this.record(() => this.likes.push(l)));
    socket.on("giveaway:update", (g) => this.record(() => this.giveaways.push(g)));
    socket.on("disconnect", () => this.record(() => undefined));
  }

  /** Connects (websocket only, no automatic reconnection: tests decide where a client goes). */
  static async connect(url: string, roomId: string, token?: string): Promise<TestClient> {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, {
      transports: ["websocket"],
      reconnection: false,
      forceNew: true,
      auth: token ? { token } : {},
    });
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", resolve);
      socket.once("connect_error", reject);
    });
    return new TestClient(socket, roomId);
  }

  static async joined(
    url: string,
    roomId: string,
    token?: string,
    sinceId?: string,
  ): Promise<{ client: TestClient; ack: TJoinAck }> {
    const client = await TestClient.connect(url, roomId, token);
    const ack = await client.join(sinceId);
    if (!ack.ok) throw new Error(`join failed: ${JSON.stringify(ack.error)}`);
    return { client, ack };
  }

  join(sinceId?: string): Promise<TJoinAck> {
    return this.socket
      .timeout(WAIT_MS)
      .emitWithAck("room:join", { roomId: this.roomId, ...(sinceId ? { sinceId } : {}) });
  }

  send(text: string, clientId = `c${process.pid}-${++seq}`): Promise<TSendAck> {
    return this.socket.timeout(WAIT_MS).emitWithAck("chat:send", { roomId: this.roomId, text, clientId });
  }

  bid(auctionId: string, amountMinor: number): Promise<TBidAck> {
    return this.socket.timeout(WAIT_MS).emitWithAck("auction:bid", { auctionId, amountMinor });
  }

  enter(giveawayId: string): Promise<TEnterAck> {
    return this.socket.timeout(WAIT_MS).emitWithAck("giveaway:enter", { giveawayId });
  }

  /** Resolves with the latest giveaway:update of `giveawayId` once it matches. */
  waitForGiveaway(giveawayId: string, match: (g: TGiveawayUpdate) => boolean): Promise<TGiveawayUpdate> {
    return this.waitFor(
      () => {
        const last = this.giveaways.filter((g) => g.giveawayId === giveawayId).at(-1);
        return last && match(last) ? last : undefined;
      },
      () => `giveaway:update (last: ${JSON.stringify(this.giveaways.at(-1) ?? null)})`,
    );
  }

  /** Resolves with the latest auction:update of `auctionId` once it matches. */
  waitForAuction(
    auctionId: string,
    match: (a: TAuctionUpdate) => boolean,
    what = "auction:update",
  ): Promise<TAuctionUpdate> {
    return this.waitFor(
      () => {
        const last = this.auctions.filter((a) => a.auctionId === auctionId).at(-1);
        return last && match(last) ? last : undefined;
      },
      () => `${what} (last: ${JSON.stringify(this.auctions.at(-1) ?? null)})`,
    );
  }

  /** Sends and fails the test when the slave refuses. */
  async say(text: string): Promise<TMessage> {
    const ack = await this.send(text);
    if (!ack.ok) throw new Error(`send refused: ${JSON.stringify(ack.error)}`);
    return ack.message;
  }

  texts(): string[] {
    return this.messages.map((m) => m.text);
  }

  /** Resolves once a received message matches. */
  waitForMessage(match: (m: TMessage) => boolean, what = "message"): Promise<TMessage> {
    return this.waitFor(() => this.messages.find(match), what);
  }

  waitForText(text: string): Promise<TMessage> {
    return this.waitForMessage((m) => m.text === text, `message "${text}"`);
  }

  /** Resolves with the latest room:state once it matches. */
  waitForState(match: (s: TRoomState) => boolean, what = "room:state"): Promise<TRoomState> {
    return this.waitFor(
      () => {
        const last = this.states[this.states.length - 1];
        return last && match(last) ? last : undefined;
      },
      () => `${what} (last: ${JSON.stringify(this.states[this.states.length - 1] ?? null)})`,
    );
  }

  waitFor<T>(probe: () => T | undefined, what: string | (() => string), timeoutMs = WAIT_MS): Promise<T> {
    const found = probe();
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = probe();
        if (value === undefined) return;
        cleanup();
        resolve(value);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out waiting for ${typeof what === "string" ? what : what()}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
    });
  }

  close(): void {
    this.socket.disconnect();
  }

  private record(apply: () => void): void {
    apply();
    for (const listener of [...this.listeners]) listener();
  }
}
