/** Assigning shows to media nodes: the pure choice, and the stored assignment on a real database. */
import "@/server/chat/test/fresh-db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "@/server/chat/test/cluster";
import { db } from "@/server/db";
import { ensureMediaNode, mediaNodeForRoom } from "@/server/media/nodes/assign-media-node";
import {
  DEAD_AFTER_MS,
  nodeState,
  pickMediaNode,
  type TMediaNodeRow,
} from "@/server/media/nodes/media-nodes";

const NOW = Date.parse("2026-12-05T10:00:00Z");
const row = (id: string, over: Partial<TMediaNodeRow> = {}): TMediaNodeRow => ({
  id,
  url: `http://10.0.0.${id.length}:3200`,
  draining: false,
  connections: 0,
  liveShows: 0,
  maxLiveShows: 4,
  startedAt: new Date(NOW - 60_000),
  heartbeatAt: new Date(NOW - 500),
  ...over,
});

describe("pickMediaNode", () => {
  it("takes the node with the fewest live shows, then the fewest connections, then the lowest id", () => {
    expect(
      pickMediaNode([row("a", { liveShows: 3 }), row("b", { liveShows: 1 }), row("c", { liveShows: 2 })], NOW)
        ?.id,
    ).toBe("b");
    expect(
      pickMediaNode(
        [row("a", { liveShows: 1, connections: 5 }), row("b", { liveShows: 1, connections: 2 })],
        NOW,
      )?.id,
    ).toBe("b");
    expect(pickMediaNode([row("b", { liveShows: 1 }), row("a", { liveShows: 1 })], NOW)?.id).toBe("a");
  });

  it("skips drained, dead and full nodes, and answers null when none is left", () => {
    const drained = row("a", { draining: true });
    const dead = row("b", { heartbeatAt: new Date(NOW - DEAD_AFTER_MS - 1) });
    const full = row("c", { liveShows: 4 });
    const busy = row("d", { liveShows: 3, connections: 9 });
    expect(pickMediaNode([drained, dead, full, busy], NOW)?.id).toBe("d");
    expect(pickMediaNode([drained, dead, full], NOW)).toBeNull();
    expect(nodeState(dead, NOW)).toBe("dead");
    expect(nodeState({ ...dead, draining: true }, NOW)).toBe("dead");
    expect(nodeState(drained, NOW)).toBe("draining");
  });
});

describe("ensureMediaNode (stored on the room)", () => {
  let roomId = "";
  const beat = (id: string, data: Partial<TMediaNodeRow>) => db.mediaNode.update({ where: { id }, data });

  beforeAll(async () => {
    prepareDatabase();
    const seller = await db.user.create({
      data: { email: "s@assign.test", name: "S", role: "SELLER", passwordHash: "x" },
    });
    roomId = (await db.room.create({ data: { slug: "assign-me", title: "Assign me", sellerId: seller.id } }))
      .id;
    const now = new Date();
    for (const [id, liveShows] of [
      ["m-1", 2],
      ["m-2", 0],
      ["m-3", 1],
    ] as const) {
      await db.mediaNode.create({
        data: { id, url: `http://127.0.0.1:1${id.slice(-1)}`, liveShows, maxLiveShows: 4, heartbeatAt: now },
      });
    }
  });
  afterAll(() => db.$disconnect());

  it("assigns the least-loaded live node and keeps it while that node lives, drained or not", async () => {
    expect(await ensureMediaNode(roomId)).toEqual({ nodeId: "m-2", url: "http://127.0.0.1:12" });
    expect((await db.room.findUniqueOrThrow({ where: { id: roomId } })).mediaNodeId).toBe("m-2");
    await beat("m-2", { liveShows: 3, draining: true });
    // Its publisher reconnecting stays where its recording is.
    expect((await ensureMediaNode(roomId))?.nodeId).toBe("m-2");
  });

  it("moves a show whose node died to the least-loaded live one, and never to a dead one", async () => {
    await beat("m-2", { heartbeatAt: new Date(Date.now() - DEAD_AFTER_MS - 1000) });
    await beat("m-1", { heartbeatAt: new Date(Date.now() - DEAD_AFTER_MS - 1000), liveShows: 0 });
    expect((await ensureMediaNode(roomId))?.nodeId).toBe("m-3");
    expect((await mediaNodeForRoom(roomId))?.nodeId).toBe("m-3");
  });

  it("two web processes assigning at once agree on one node", async () => {
    await db.room.update({ where: { id: roomId }, data: { mediaNodeId: null } });
    await beat("m-1", { heartbeatAt: new Date(), liveShows: 1 });
    const [a, b] = await Promise.all([ensureMediaNode(roomId), ensureMediaNode(roomId)]);
    expect(a?.nodeId).toBe(b?.nodeId);
    expect((await db.room.findUniqueOrThrow({ where: { id: roomId } })).mediaNodeId).toBe(a?.nodeId);
  });

  it("answers null when every node is dead or drained and the show has none", async () => {
    await db.room.update({ where: { id: roomId }, data: { mediaNodeId: null } });
    await db.mediaNode.updateMany({ data: { draining: true } });
    expect(await ensureMediaNode(roomId)).toBeNull();
  });
});
