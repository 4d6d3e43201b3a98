import { describe, expect, it } from "vitest";
import type { TProductUpdate } from "@/lib/commerce/product-update.types";
import {
  applyCatalogUpdate,
  applyDealsUpdate,
  applyMediaUpdate,
  applySnapshot,
  beginRead,
  failRead,
  newFeed,
  pushUpdate,
  type TCatalog,
  type TCatalogUpdate,
  type TRoomProduct,
} from "@/lib/rooms/live-feed";

const product = (id: string, stock: number): TRoomProduct => ({
  id,
  name: id,
  description: "",
  imageUrl: null,
  currency: "EUR",
  priceMinor: 1000,
  stock,
  archived: false,
  deal: null,
});
const catalog = (...products: TRoomProduct[]): TCatalog => ({ products, pinnedProductId: null });
const stockOf = (c: TCatalog | null, id: string) => c?.products.find((p) => p.id === id)?.stock;
const update = (productId: string, stock: number, extra: Partial<TProductUpdate> = {}): TCatalogUpdate => ({
  type: "product",
  update: {
    roomId: "r1",
    productId,
    stock,
    price: 1000,
    priceMinor: 1000,
    currency: "EUR",
    deal: null,
    archived: false,
    ...extra,
  },
});
const apply = applyCatalogUpdate;

describe("a live room feed: REST snapshot and socket updates", () => {
  it("keeps a socket update that arrived while the re-read was in flight (the older answer does not undo it)", () => {
    let feed = newFeed<TCatalog, TCatalogUpdate>(catalog(product("p1", 5)));
    const [reading, marker] = beginRead(feed);
    feed = pushUpdate(reading, update("p1", 3), apply);
    // The server answered before that sale: stock 4 (a sale missed while disconnected), not 3.
    feed = applySnapshot(feed, catalog(product("p1", 4), product("p2", 9)), marker, apply);
    expect(stockOf(feed.value, "p1")).toBe(3);
    expect(stockOf(feed.value, "p2")).toBe(9);
    expect(feed.log).toEqual([]);
  });

  it("takes the snapshot as is for what happened before the read began", () => {
    let feed = newFeed<TCatalog, TCatalogUpdate>(catalog(product("p1", 5)));
    feed = pushUpdate(feed, update("p1", 4), apply);
    const [reading, marker] = beginRead(feed);
    feed = applySnapshot(reading, catalog(product("p1", 2)), marker, apply);
    expect(stockOf(feed.value, "p1")).toBe(2);
  });

  it("drops an answer to an older read once a newer one was applied", () => {
    let feed = newFeed<TCatalog, TCatalogUpdate>(catalog(product("p1", 5)));
    const [first, older] = beginRead(feed);
    feed = pushUpdate(first, update("p1", 4), apply);
    const [second, newer] = beginRead(feed);
    feed = applySnapshot(second, catalog(product("p1", 4)), newer, apply);
    feed = applySnapshot(feed, catalog(product("p1", 5)), older, apply);
    expect(stockOf(feed.value, "p1")).toBe(4);
    expect(feed.reads).toEqual([]);
  });

  it("leaves the value as the updates made it when the read fails, and stops logging", () => {
    let feed = newFeed<TCatalog, TCatalogUpdate>(catalog(product("p1", 5)));
    const [reading, marker] = beginRead(feed);
    feed = failRead(pushUpdate(reading, update("p1", 1), apply), marker);
    feed = pushUpdate(feed, update("p1", 0), apply);
    expect(stockOf(feed.value, "p1")).toBe(0);
    expect(feed.log).toEqual([]);
  });

  it("re-applies a pin pushed during the read", () => {
    let feed = newFeed<TCatalog, TCatalogUpdate>(catalog(product("p1", 5)));
    const [reading, marker] = beginRead(feed);
    feed = pushUpdate(reading, { type: "pin", productId: "p1" }, apply);
    feed = applySnapshot(feed, catalog(product("p1", 5)), marker, apply);
    expect(feed.value.pinnedProductId).toBe("p1");
  });

  it("flags an archived product and drops its deal", () => {
    const deal = { priceMinor: 500, endsAt: "2026-01-01T00:00:00.000Z", limitPerBuyer: null };
    const next = apply(catalog(product("p1", 5)), update("p1", 5, { archived: true, deal }));
    expect(next.products[0]).toMatchObject({ archived: true, deal: null });
  });
});

describe("the show's status", () => {
  it("only moves forward, and forgets the playlist when it moves without one", () => {
    const live = { status: "LIVE" as const, hlsUrl: "/hls/r1/index.m3u8", startedAt: "t0" };
    expect(applyMediaUpdate(live, { status: "SCHEDULED" })).toBe(live);
    expect(applyMediaUpdate(live, { status: "LIVE" })).toBe(live);
    expect(applyMediaUpdate(live, { status: "ENDED" })).toEqual({
      status: "ENDED",
      hlsUrl: undefined,
      startedAt: "t0",
    });
  });

  it("takes the playlist and start pushed with a later status, so going live needs no read", () => {
    const scheduled = { status: "SCHEDULED" as const, hlsUrl: null, startedAt: null };
    expect(
      applyMediaUpdate(scheduled, { status: "LIVE", hlsUrl: "/hls/r1/index.m3u8", startedAt: "t1" }),
    ).toEqual({ status: "LIVE", hlsUrl: "/hls/r1/index.m3u8", startedAt: "t1" });
    // An ended show without a recording has no playlist, and says so.
    const live = { status: "LIVE" as const, hlsUrl: "/hls/r1/index.m3u8", startedAt: "t1" };
    expect(applyMediaUpdate(live, { status: "ENDED", hlsUrl: null, startedAt: "t1" })).toEqual({
      status: "ENDED",
      hlsUrl: null,
      startedAt: "t1",
    });
  });
});

describe("the studio's deals", () => {
  it("follows product:update, keeping a known deal's start", () => {
    const deal = { priceMinor: 500, endsAt: "2026-01-01T00:10:00.000Z", limitPerBuyer: 2 };
    const started = applyDealsUpdate({}, { type: "product", update: { ...upd(deal) }, at: "t1" });
    expect(started.p1).toMatchObject({ dealPriceMinor: 500, startedAt: "t1", limitPerBuyer: 2 });
    const again = applyDealsUpdate(started, { type: "product", update: upd(deal), at: "t2" });
    expect(again.p1?.startedAt).toBe("t1");
    expect(applyDealsUpdate(again, { type: "product", update: upd(null), at: "t3" })).toEqual({});
  });
});

function upd(deal: TProductUpdate["deal"]): TProductUpdate {
  return {
    roomId: "r1",
    productId: "p1",
    stock: 1,
    price: 1,
    priceMinor: 1000,
    currency: "EUR",
    deal,
    archived: false,
  };
}
