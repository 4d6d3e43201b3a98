import "@/server/chat/test/fresh-db";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { Cluster } from "@/server/chat/test/cluster";
import { TestClient } from "@/server/chat/test/client";
import { updateChatSettings } from "@/server/chat/moderation/update-chat-settings";

let cluster: Cluster;
const open: TestClient[] = [];

async function joined(slave: number, token?: string) {
  const { client } = await TestClient.joined(cluster.slaveUrl(slave), cluster.roomId, token);
  open.push(client);
  return client;
}
const stored = async () =>
  (await db.room.findUniqueOrThrow({ where: { id: cluster.roomId }, select: { likeCount: true } })).likeCount;
const lastTotal = (c: TestClient) => c.likes.at(-1)?.total ?? 0;

beforeAll(async () => {
  cluster = await Cluster.start(2);
  await updateChatSettings(cluster.users.admin, cluster.roomId, { separation: "ON" });
}, 60_000);
afterEach(() => open.splice(0).forEach((c) => c.close()));
afterAll(async () => {
  await cluster?.stop();
});

describe("likes", () => {
  it("sums taps from both slaves (separated) into one total every viewer sees, coalesced, and saves it", async () => {
    const a = await joined(0, cluster.users.shopper.token);
    const b = await joined(1);
    const base = await stored();
    for (let i = 0; i < 10; i++) a.socket.emit("like:tap", { roomId: cluster.roomId });
    for (let i = 0; i < 7; i++) b.socket.emit("like:tap", { roomId: cluster.roomId });
    await a.waitFor(() => (lastTotal(a) === base + 17 ? true : undefined), "total on slave 1");
    await b.waitFor(() => (lastTotal(b) === base + 17 ? true : undefined), "total on slave 2");
    // 17 taps, a handful of frames: taps are counted, not relayed one by one.
    expect(a.likes.length).toBeLessThanOrEqual(4);
    await expect.poll(stored, { timeout: 5000 }).toBe(base + 17);
  }, 20_000);

  it("drops taps over the per-user rate, from rooms not joined, and bad payloads, and keeps serving", async () => {
    const a = await joined(0, cluster.users.shopper2.token);
    const base = lastTotal(a) || (await stored());
    // 25 taps and 10 bad payloads: within the 40 events a second that would disconnect the socket as a flood.
    for (let i = 0; i < 25; i++) a.socket.emit("like:tap", { roomId: cluster.roomId });
    const roomId = cluster.roomId;
    for (const bad of [
      {},
      { roomId: "../x" },
      "x",
      null,
      { roomId: 5 },
      { roomId, count: 0 },
      { roomId, count: 11 },
      { roomId, count: 1.5 },
      { roomId, count: "5" },
      { roomId, count: -3 },
    ])
      a.socket.emit("like:tap", bad as never);
    const outsider = await TestClient.connect(cluster.slaveUrl(0), cluster.roomId);
    open.push(outsider);
    for (let i = 0; i < 5; i++) outsider.socket.emit("like:tap", { roomId: cluster.roomId });
    // A burst of 20 gets through; the other 5, the bad ones and the outsider's are dropped.
    await a.waitFor(() => (lastTotal(a) >= base + 20 ? true : undefined), "the burst");
    a.socket.emit("like:tap", { roomId: cluster.roomId });
    await new Promise((r) => setTimeout(r, 1200));
    expect(lastTotal(a)).toBeLessThanOrEqual(base + 22);
    expect(a.socket.connected).toBe(true);
    const ack = await a.send("still chatting");
    expect(ack.ok).toBe(true);
  }, 20_000);

  it("counts a batch of taps (count) as that many taps, each against the per-user budget", async () => {
    const shopper = await cluster.newUser("Batcher");
    const a = await joined(0, shopper.token);
    const b = await joined(1);
    // One tap first, so that b learns the room's current total (saved totals lag by up to 2 s).
    a.socket.emit("like:tap", { roomId: cluster.roomId });
    await b.waitFor(() => (b.likes.length > 0 ? true : undefined), "a first total");
    await new Promise((r) => setTimeout(r, 600));
    const base = lastTotal(b);
    a.socket.emit("like:tap", { roomId: cluster.roomId, count: 10 });
    a.socket.emit("like:tap", { roomId: cluster.roomId, count: 3 });
    await b.waitFor(() => (lastTotal(b) === base + 13 ? true : undefined), "13 taps in two packets");
    // Nothing else arrives: the two packets were counted as 13 taps, not 2.
    await new Promise((r) => setTimeout(r, 600));
    expect(lastTotal(b)).toBe(base + 13);
  }, 20_000);
});
