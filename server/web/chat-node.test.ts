import "@/server/chat/test/fresh-db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Cluster } from "@/server/chat/test/cluster";
import { cachedJson, roomChanged, roomKey } from "@/server/rooms/room-cache";
import { serveChatNode } from "@/server/web/chat-node";
import { listenOnLoopback } from "@/server/test/loopback-server";

let cluster: Cluster;
let base = "";
let close: () => Promise<void> = () => Promise.resolve();

beforeAll(async () => {
  cluster = await Cluster.start(1);
  // What main.ts does: the fast path first, else the route handler (here a stand-in that says it was asked).
  ({ base, close } = await listenOnLoopback((req, res) => {
    const routeHandler = () => res.writeHead(599).end("route handler");
    if (serveChatNode(req, res, routeHandler)) return;
    routeHandler();
  }));
});

afterAll(async () => {
  await close();
  await cluster?.stop();
});

async function cacheRoom(): Promise<void> {
  await cachedJson(roomKey("cluster-show"), () =>
    Promise.resolve({ value: { id: cluster.roomId, slug: "cluster-show" }, roomIds: [cluster.roomId] }),
  );
}

describe("GET /api/rooms/:id/chat-node before Next.js", () => {
  it("hands an arrival of a cached room a live slave, by slug, without the route handler", async () => {
    await cacheRoom();
    const res = await fetch(`${base}/api/rooms/cluster-show/chat-node`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const node = (await res.json()) as { nodeId: string; url: string };
    expect(node.nodeId).toBeTruthy();
    expect((await fetch(`${node.url}/health`)).status).toBe(200);
  });

  it("leaves retries with exclude, changed or unknown rooms and other methods to the route handler", async () => {
    await cacheRoom();
    expect((await fetch(`${base}/api/rooms/cluster-show/chat-node?exclude=slave-1`)).status).toBe(599);
    expect((await fetch(`${base}/api/rooms/cluster-show/chat-node`, { method: "POST" })).status).toBe(599);
    expect((await fetch(`${base}/api/rooms/no-such-show/chat-node`)).status).toBe(599);
    roomChanged(cluster.roomId);
    expect((await fetch(`${base}/api/rooms/cluster-show/chat-node`)).status).toBe(599);
  });
});
