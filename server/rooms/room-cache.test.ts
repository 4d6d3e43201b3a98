import "@/server/chat/test/fresh-db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { db } from "@/server/db";
import { INTERNAL_HEADER } from "@/server/chat/internal-auth";
import { Cluster } from "@/server/chat/test/cluster";
import { GET as getRoom } from "@/app/api/rooms/[id]/route";
import { GET as listRooms } from "@/app/api/rooms/route";
import { linkIsUp, onRoomChanged, roomChanged } from "@/server/rooms/room-cache";
import { startRoomEventsLink } from "@/server/rooms/room-events-link";

let cluster: Cluster;
let stopLink: () => void = () => {};

const request = (path: string, headers: Record<string, string> = {}) =>
  new NextRequest(`http://localhost${path}`, { headers });
const params = (id: string) => ({ params: Promise.resolve({ id }) });

async function title(): Promise<string> {
  const res = await getRoom(request("/api/rooms/demo-live"), params("demo-live"));
  return ((await res.json()) as { title: string }).title;
}

/** What another process does: change the DB and tell the master, without touching this process's cache. */
async function changeElsewhere(data: { title: string }): Promise<void> {
  await db.room.update({ where: { id: cluster.roomId }, data });
  const res = await fetch(`${cluster.masterUrl}/internal/rooms/${cluster.roomId}/refresh`, {
    method: "POST",
    headers: { [INTERNAL_HEADER]: process.env.INTERNAL_SECRET ?? "", "content-type": "application/json" },
    body: "{}",
  });
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  cluster = await Cluster.start(1);
  const connected = new Promise<void>((resolve) => {
    const off = onRoomChanged((roomId) => roomId === null && (off(), resolve()));
  });
  stopLink = startRoomEventsLink({ urls: [cluster.masterUrl], secret: process.env.INTERNAL_SECRET ?? "" });
  await connected;
});
afterAll(async () => {
  stopLink();
  await cluster?.stop();
});

describe("room JSON from memory", () => {
  it("answers from memory until the room changes, then every web process drops it through the master", async () => {
    expect(linkIsUp()).toBe(true);
    const before = await title();
    // A write nobody announced: the cached copy stands (proof that the hot path does not query).
    await db.room.update({ where: { id: cluster.roomId }, data: { title: "Silent edit" } });
    expect(await title()).toBe(before);

    const dropped = new Promise<number>((resolve) => {
      const off = onRoomChanged((roomId) => roomId === cluster.roomId && (off(), resolve(Date.now())));
    });
    const started = Date.now();
    await changeElsewhere({ title: "Announced edit" });
    expect((await dropped) - started).toBeLessThan(1000);
    expect(await title()).toBe("Announced edit");
    const list = (await (await listRooms(request("/api/rooms"), { params: Promise.resolve({}) })).json()) as {
      id: string;
      title: string;
    }[];
    expect(list.find((r) => r.id === cluster.roomId)?.title).toBe("Announced edit");
  });

  it("answers a reload holding the same ETag with 304 and no body, and a changed room with 200", async () => {
    const first = await getRoom(request(`/api/rooms/${cluster.roomId}`), params(cluster.roomId));
    const etag = first.headers.get("etag") ?? "";
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.headers.get("cache-control")).toContain("s-maxage=");
    const again = await getRoom(
      request(`/api/rooms/${cluster.roomId}`, { "if-none-match": etag }),
      params(cluster.roomId),
    );
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    await changeElsewhere({ title: "Edited again" });
    await new Promise((r) => setTimeout(r, 200));
    const changed = await getRoom(
      request(`/api/rooms/${cluster.roomId}`, { "if-none-match": etag }),
      params(cluster.roomId),
    );
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
  });

  it("serves a stock change made in this process at once (product:update path)", async () => {
    const room = (await (await getRoom(request("/api/rooms/demo-live"), params("demo-live"))).json()) as {
      products: { id: string; stock: number }[];
    };
    const product = room.products[0];
    if (!product) throw new Error("seed has no products");
    await db.product.update({ where: { id: product.id }, data: { stock: product.stock - 1 } });
    roomChanged(cluster.roomId); // what notifyProductUpdate / broadcastProductUpdate do
    const after = (await (await getRoom(request("/api/rooms/demo-live"), params("demo-live"))).json()) as {
      products: { id: string; stock: number }[];
    };
    expect(after.products[0]?.stock).toBe(product.stock - 1);
  });

  it("refuses bad ids with a 4xx and unknown ones with 404", async () => {
    expect((await getRoom(request("/api/rooms/x"), params("x".repeat(101)))).status).toBe(400);
    const missing = await getRoom(request("/api/rooms/nope"), params("nope"));
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
  });

  it("trusts nothing older than 1 s while the master link is down", async () => {
    stopLink();
    await new Promise((r) => setTimeout(r, 50));
    expect(linkIsUp()).toBe(false);
    await title();
    await db.room.update({ where: { id: cluster.roomId }, data: { title: "Edited while down" } });
    await new Promise((r) => setTimeout(r, 1100));
    expect(await title()).toBe("Edited while down");
  });
});
