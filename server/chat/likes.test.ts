import "@/server/chat/test/fresh-db";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { clusterPerFile } from "@/server/chat/test/cluster-per-file";
import { TestClient } from "@/server/chat/test/client";

const chat = clusterPerFile(2, "ON");

async function joined(slave: number, token?: string) {
  return (await chat.join(slave, token)).client;
}
const stored = async () =>
  (await db.room.findUniqueOrThrow({ where: { id: chat.cluster.roomId }, select: { likeCount: true } }))
    .likeCount;
const lastTotal = (c: TestClient) => c.likes.at(-1)?.total ?? 0;

describe("likes", () => {
  it("sums taps from both slaves (separated) into one total every viewer sees, coalesced, and saves it", async () => {
    const a = await joined(0, chat.cluster.users.shopper.token);
    const b = await joined(1);
    const base = await stored();
    for (let i = 0; i < 10; i++) a.socket.emit("like:tap", { roomId: chat.cluster.roomId });
    for (let i = 0; i < 7; i++) b.socket.emit("like:tap", { roomId: chat.cluster.roomId });
    await a.waitFor(() => (lastTotal(a) === base + 17 ? true : undefined), "total on slave 1");
    await b.waitFor(() => (lastTotal(b) === base + 17 ? true : undefined), "total on slave 2");
    // 17 taps, a handful of frames: taps are counted, not relayed one by one.
    expect(a.likes.length).toBeLessThanOrEqual(4);
    await expect.poll(stored, { timeout: 5000 }).toBe(base + 17);
  }, 20_000);

  it("drops taps over the per-user rate, from rooms not joined, and bad payloads, and keeps serving", async () => {
    const a = await joined(0, chat.cluster.users.shopper2.token);
    const base = lastTotal(a) || (await stored());
    // 25 taps and 10 bad payloads: within the 40 events a second that would disconnect the socket as a flood.
    for (let i = 0; i < 25; i++) a.socket.emit("like:tap", { roomId: chat.cluster.roomId });
    const roomId = chat.cluster.roomId;
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
    const outsider = await TestClient.connect(chat.cluster.slaveUrl(0), chat.cluster.roomId);
    chat.keep(outsider);
    for (let i = 0; i < 5; i++) outsider.socket.emit("like:tap", { roomId: chat.cluster.roomId });
    // A burst of 20 gets through; the other 5, the bad ones and the outsider's are dropped.
    await a.waitFor(() => (lastTotal(a) >= base + 20 ? true : undefined), "the burst");
    a.socket.emit("like:tap", { roomId: chat.cluster.roomId });
    await new Promise((r) => setTimeout(r, 1200));
    expect(lastTotal(a)).toBeLessThanOrEqual(base + 22);
    expect(a.socket.connected).toBe(true);
    const ack = await a.send("still chatting");
    expect(ack.ok).toBe(true);
  }, 20_000);

  it("counts a batch of taps (count) as that many taps, each against the per-user budget", async () => {
    const shopper = await chat.cluster.newUser("Batcher");
    const a = await joined(0, shopper.token);
    const b = await joined(1);
    // One tap first, so that b learns the room's current total (saved totals lag by up to 2 s).
    a.socket.emit("like:tap", { roomId: chat.cluster.roomId });
    await b.waitFor(() => (b.likes.length > 0 ? true : undefined), "a first total");
    await new Promise((r) => setTimeout(r, 600));
    const base = lastTotal(b);
    a.socket.emit("like:tap", { roomId: chat.cluster.roomId, count: 10 });
    a.socket.emit("like:tap", { roomId: chat.cluster.roomId, count: 3 });
    await b.waitFor(() => (lastTotal(b) === base + 13 ? true : undefined), "13 taps in two packets");
    // Nothing else arrives: the two packets were counted as 13 taps, not 2.
    await new Promise((r) => setTimeout(r, 600));
    expect(lastTotal(b)).toBe(base + 13);
  }, 20_000);
});
