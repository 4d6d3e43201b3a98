import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cachedJson, roomChanged, roomKey } from "@/server/rooms/room-cache";
import { serveCachedRoomJson } from "@/server/web/room-json";
import { beforeNext, listenOnLoopback } from "@/server/test/loopback-server";

let base = "";
let close: () => Promise<void> = () => Promise.resolve();

beforeAll(async () => {
  ({ base, close } = await listenOnLoopback(beforeNext(serveCachedRoomJson)));
});

afterAll(() => close());

async function fill(id: string, title: string): Promise<void> {
  roomChanged(id);
  await cachedJson(roomKey(id), () => Promise.resolve({ value: { id, title }, roomIds: [id] }));
}

describe("GET /api/rooms/:id before Next.js", () => {
  it("answers a cached room with its ETag, and a 304 to a reload that holds it", async () => {
    await fill("room-a", "First");
    const first = await fetch(`${base}/api/rooms/room-a`);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ id: "room-a", title: "First" });
    const etag = first.headers.get("etag") ?? "";
    expect(etag).toMatch(/^W\/"/);
    expect(first.headers.get("cache-control")).toContain("s-maxage=1");
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    const again = await fetch(`${base}/api/rooms/room-a`, { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
  });

  it("hands a changed room to the route handler at once, and the new bytes get a new ETag", async () => {
    await fill("room-b", "Before");
    const before = await fetch(`${base}/api/rooms/room-b`);
    roomChanged("room-b");
    expect((await fetch(`${base}/api/rooms/room-b`)).status).toBe(599);
    await fill("room-b", "After");
    const after = await fetch(`${base}/api/rooms/room-b`, {
      headers: { "if-none-match": before.headers.get("etag") ?? "" },
    });
    expect(after.status).toBe(200);
    expect(((await after.json()) as { title: string }).title).toBe("After");
  });

  it("leaves misses, over-long ids, bad escapes, other methods and sub-routes to the route handler", async () => {
    await fill("room-c", "C");
    for (const path of ["/api/rooms/never-loaded", `/api/rooms/${"x".repeat(101)}`, "/api/rooms/%E0%A4%A"])
      expect((await fetch(`${base}${path}`)).status).toBe(599);
    expect((await fetch(`${base}/api/rooms/room-c`, { method: "POST" })).status).toBe(599);
    expect((await fetch(`${base}/api/rooms/room-c/chat-node`)).status).toBe(599);
    expect((await fetch(`${base}/api/rooms/room-c?x=1`)).status).toBe(599);
  });
});
