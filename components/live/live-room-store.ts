import { ChatClient, type TChatStatus } from "@/lib/chat/client";
import type { TMessage, TRestriction, TRole, TRoomState, TSendAck } from "@/lib/chat/protocol";
import type { TAuctionUpdate } from "@/lib/auctions/auction-schemas";
import type { TGiveawayUpdate } from "@/lib/giveaways/giveaway-schemas";
import type { TLiveItemKind } from "@/lib/engage/live-items";
import { ZProductUpdate } from "@/lib/commerce/product-update.types";
import { ZRoomProducts } from "@/lib/commerce/live-product";
import { listDeals } from "@/lib/commerce/client";
import { request } from "@/lib/api/request";
import {
  applyCatalogUpdate,
  applyDealsUpdate,
  applyMediaUpdate,
  applySnapshot,
  beginRead,
  failRead,
  isBehind,
  newFeed,
  pushUpdate,
  type TCatalog,
  type TCatalogUpdate,
  type TDeals,
  type TDealsUpdate,
  type TFeed,
  type TMediaUpdate,
  type TRoomMedia,
} from "@/lib/rooms/live-feed";

export type TChatUser = { id: string; name: string; role: TRole };
type TTicket = { token: string | null; user: TChatUser | null };
type TRoomAnswer = TCatalog & Required<TRoomMedia>;
/** Each live item's update as the room's connection delivers it (`<kind>:update`). */
type TLiveItemUpdates = { auction: TAuctionUpdate; giveaway: TGiveawayUpdate };

/** The panel keeps this many recent messages on screen; older ones scroll out of memory too. */
const MAX_VISIBLE = 300;
/**
 * The web tier hears of a status change from the chat master as the slaves do, so its answer may lag a
 * room:state by a moment: a read that comes back behind the socket is asked again, this often at most.
 */
const BEHIND_RETRY_MS = [500, 1500, 4000];

export type TLiveRoomInitial = { media?: TRoomMedia; catalog?: TCatalog; likes?: number };

/** Everything a live room's panels read; each slice is replaced (never mutated) when it changes. */
export type TLiveRoomSnapshot = {
  messages: TMessage[];
  state: TRoomState | null;
  status: TChatStatus;
  nodeId: string | null;
  /** undefined while the ticket is loading; null for a guest. */
  me: TChatUser | null | undefined;
  restriction: TRestriction | null;
  /** Joins so far (the first and every rejoin): panels with their own lists re-read when it changes. */
  joins: number;
  media: TFeed<TRoomMedia | null, TMediaUpdate>;
  catalog: TFeed<TCatalog | null, TCatalogUpdate>;
  /** null until a panel asks for the deals (the studio). */
  deals: TFeed<TDeals | null, TDealsUpdate> | null;
  likes: number | null;
  /** The product pinned at the replay's current moment. */
  replayPin: string | null;
};

async function fetchTicket(): Promise<TTicket> {
  // Offline or the web tier is restarting: read as a guest; the page can be reloaded to sign in.
  return request<TTicket>("GET", "/api/chat/ticket").catch(() => ({ token: null, user: null }));
}

function parseRoom(body: unknown): TRoomAnswer | null {
  const products = ZRoomProducts.safeParse(body);
  if (!products.success) return null;
  const media = body as Required<TRoomMedia>;
  return { ...products.data, status: media.status, hlsUrl: media.hlsUrl, startedAt: media.startedAt };
}

/**
 * One live room in the browser: the one chat connection, and the room's state as it pushes it, read by REST
 * only for the first paint and after each (re)join. Framework-free; the provider hands it to React.
 */
export class LiveRoomStore {
  private snap: TLiveRoomSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly itemListeners: { [K in TLiveItemKind]: Set<(u: TLiveItemUpdates[K]) => void> } = {
    auction: new Set(),
    giveaway: new Set(),
  };
  private client: ChatClient | null = null;
  private stopped = true;
  private frame: number | null = null;
  private retry: number | null = null;
  private behindAttempts = 0;

  constructor(
    readonly roomId: string,
    initial: TLiveRoomInitial = {},
  ) {
    this.snap = {
      messages: [],
      state: null,
      status: "connecting",
      nodeId: null,
      me: undefined,
      restriction: null,
      joins: 0,
      media: newFeed(initial.media ?? null),
      catalog: newFeed(initial.catalog ?? null),
      deals: null,
      likes: initial.likes ?? null,
      replayPin: null,
    };
  }

  readonly subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => void this.listeners.delete(fn);
  };

  readonly getSnapshot = (): TLiveRoomSnapshot => this.snap;

  /** Hears one live item feature's updates (auctions, giveaways); returns the unsubscribe. */
  onLiveItem<K extends TLiveItemKind>(kind: K, fn: (u: TLiveItemUpdates[K]) => void): () => void {
    const listeners = this.itemListeners[kind];
    listeners.add(fn);
    return () => void listeners.delete(fn);
  }

  private set(patch: Partial<TLiveRoomSnapshot>): void {
    this.snap = { ...this.snap, ...patch };
    for (const fn of this.listeners) fn();
  }

  /** Connects (ticket, then the chat client); returns the stop function. */
  start(): () => void {
    this.stopped = false;
    // Per start: a ticket that arrives after this start's stop (React's dev double effect) starts nothing.
    let ended = false;
    let client: ChatClient | null = null;
    const offs: (() => void)[] = [];
    void fetchTicket().then((ticket) => {
      if (ended) return;
      this.set({ me: ticket.user });
      // A ticket lives two minutes: every later connection fetches a fresh one.
      let first: string | null | undefined = ticket.token;
      const getToken = async () => {
        if (first !== undefined) {
          const t = first;
          first = undefined;
          return t;
        }
        return ticket.user ? (await fetchTicket()).token : null;
      };
      client = new ChatClient({ roomId: this.roomId, getToken });
      this.client = client;
      const flush = () => {
        this.frame = null;
        if (client) this.set({ messages: client.messages().slice(-MAX_VISIBLE) });
      };
      const schedule = () => {
        this.frame ??= window.requestAnimationFrame(flush);
      };
      offs.push(
        client.on("message", schedule),
        client.on("deleted", schedule),
        client.on("state", (s) => this.onState(s)),
        client.on("product", (u) => this.onProduct(u)),
        client.on("restriction", (restriction) => this.set({ restriction })),
        client.on("auction", (a) => this.itemListeners.auction.forEach((fn) => fn(a))),
        client.on("giveaway", (g) => this.itemListeners.giveaway.forEach((fn) => fn(g))),
        client.on("likes", (l) => {
          if (l.roomId === this.roomId && typeof l.total === "number" && l.total > (this.snap.likes ?? 0))
            this.set({ likes: l.total });
        }),
        client.on("status", (status, info) => {
          const joined = status === "connected";
          this.set({
            status,
            ...(joined && info.nodeId ? { nodeId: info.nodeId } : {}),
            ...(joined ? { joins: this.snap.joins + 1 } : {}),
          });
          // Whatever changed while this page was not joined (or since it was rendered) is read once.
          if (joined) {
            void this.readRoom();
            if (this.snap.deals) void this.readDeals();
          }
        }),
      );
      client.start();
    });
    return () => {
      ended = true;
      this.stopped = true;
      for (const off of offs) off();
      if (this.frame !== null) window.cancelAnimationFrame(this.frame);
      if (this.retry !== null) window.clearTimeout(this.retry);
      this.frame = this.retry = null;
      client?.close();
      if (this.client === client) this.client = null;
    };
  }

  private onState(s: TRoomState): void {
    if (s.roomId !== this.roomId) return;
    const before = this.snap.state?.status ?? null;
    const patch: Partial<TLiveRoomSnapshot> = {
      state: s,
      catalog: pushUpdate(this.snap.catalog, { type: "pin", productId: s.pinnedProductId }, (c, u) =>
        c ? applyCatalogUpdate(c, u) : c,
      ),
    };
    if (before !== s.status)
      patch.media = pushUpdate(
        this.snap.media,
        { status: s.status, hlsUrl: s.hlsUrl, startedAt: s.startedAt },
        (m, u) => (m ? applyMediaUpdate(m, u) : m),
      );
    this.set(patch);
    // room:state carries the playlist with the status; a chat node that does not (an older one during an
    // upgrade) leaves it to one read of the room.
    if (before !== null && before !== s.status && !("hlsUrl" in s)) void this.readRoom();
  }

  private onProduct(raw: unknown): void {
    const parsed = ZProductUpdate.safeParse(raw);
    if (!parsed.success || parsed.data.roomId !== this.roomId) return;
    const update = parsed.data;
    const catalog = this.snap.catalog;
    const patch: Partial<TLiveRoomSnapshot> = {
      catalog: pushUpdate(catalog, { type: "product", update }, (c, u) => (c ? applyCatalogUpdate(c, u) : c)),
    };
    if (this.snap.deals)
      patch.deals = pushUpdate(
        this.snap.deals,
        { type: "product", update, at: new Date().toISOString() },
        (d, u) => (d ? applyDealsUpdate(d, u) : d),
      );
    this.set(patch);
    // A product added to the show after the last read: read the listing again.
    if (!update.archived && catalog.value && !catalog.value.products.some((p) => p.id === update.productId))
      void this.readRoom();
  }

  /** GET /api/rooms/:id: the show's status, playlist, products and pin, under the updates since it began. */
  readRoom = async (): Promise<void> => {
    const [media, mediaAt] = beginRead(this.snap.media);
    const [catalog, catalogAt] = beginRead(this.snap.catalog);
    this.set({ media, catalog });
    let answer: TRoomAnswer | null = null;
    try {
      answer = parseRoom(await request("GET", `/api/rooms/${encodeURIComponent(this.roomId)}`));
    } catch {
      // Offline: the next join reads again.
    }
    if (this.stopped) return;
    if (!answer) {
      this.set({
        media: failRead(this.snap.media, mediaAt),
        catalog: failRead(this.snap.catalog, catalogAt),
      });
      return;
    }
    const { status, hlsUrl, startedAt, products, pinnedProductId } = answer;
    this.set({
      media: applySnapshot(this.snap.media, { status, hlsUrl, startedAt }, mediaAt, (m, u) =>
        m ? applyMediaUpdate(m, u) : m,
      ),
      catalog: applySnapshot(this.snap.catalog, { products, pinnedProductId }, catalogAt, (c, u) =>
        c ? applyCatalogUpdate(c, u) : c,
      ),
    });
    const pushed = this.snap.state?.status;
    if (pushed && isBehind(status, pushed) && this.behindAttempts < BEHIND_RETRY_MS.length) {
      const wait = BEHIND_RETRY_MS[this.behindAttempts++];
      if (this.retry !== null) window.clearTimeout(this.retry);
      this.retry = window.setTimeout(() => {
        this.retry = null;
        void this.readRoom();
      }, wait);
    } else this.behindAttempts = 0;
  };

  /** The studio's deal list: read when first asked for and after every rejoin. */
  watchDeals(): void {
    if (this.snap.deals) return;
    this.set({ deals: newFeed(null) });
    void this.readDeals();
  }

  private async readDeals(): Promise<void> {
    if (!this.snap.deals) return;
    const [deals, marker] = beginRead(this.snap.deals);
    this.set({ deals });
    try {
      const { deals: list } = await listDeals(this.roomId);
      const snapshot: TDeals = Object.fromEntries(list.map((d) => [d.productId, d]));
      const feed = this.snap.deals;
      this.set({ deals: applySnapshot(feed, snapshot, marker, (d, u) => (d ? applyDealsUpdate(d, u) : d)) });
    } catch {
      this.set({ deals: failRead(this.snap.deals, marker) });
    }
  }

  /** A deal the seller just started or ended here (the product:update follows). */
  setDeal(productId: string, deal: TDeals[string] | null): void {
    if (!this.snap.deals) return;
    this.set({
      deals: pushUpdate(this.snap.deals, { type: "set", productId, deal }, (d, u) =>
        applyDealsUpdate(d ?? {}, u),
      ),
    });
  }

  /** The pin the seller just set here (room:state confirms it). */
  setPin(productId: string | null): void {
    this.set({
      catalog: pushUpdate(this.snap.catalog, { type: "pin", productId }, (c, u) =>
        c ? applyCatalogUpdate(c, u) : c,
      ),
    });
  }

  setReplayPin(productId: string | null): void {
    if (this.snap.replayPin !== productId) this.set({ replayPin: productId });
  }

  readonly send = async (text: string): Promise<TSendAck> => {
    const client = this.client;
    if (!client) return { ok: false, error: { code: "NOT_JOINED", message: "Chat is still connecting." } };
    const ack = await client.send(text);
    // Our own message is added on the ack; render it now rather than on the next event.
    if (ack.ok) this.set({ messages: client.messages().slice(-MAX_VISIBLE) });
    return ack;
  };

  bid: ChatClient["bid"] = (auctionId, amountMinor) =>
    this.client
      ? this.client.bid(auctionId, amountMinor)
      : Promise.resolve({ ok: false, error: { code: "UNAVAILABLE", message: "Chat is still connecting." } });

  enter: ChatClient["enter"] = (giveawayId) =>
    this.client
      ? this.client.enter(giveawayId)
      : Promise.resolve({ ok: false, error: { code: "UNAVAILABLE", message: "Chat is still connecting." } });

  tapLike(): void {
    this.client?.tapLike();
  }
}
