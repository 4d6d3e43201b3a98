/**
 * Media nodes as separate processes (each with its own media directory, as on separate hosts) behind the
 * web tier's forwarding (server/media/nodes/web-proxy.ts), on one database: assignment to the least-loaded
 * node, drain, a SIGKILLed node restarted under a live show, the end of a show and its replay after a node
 * restart. Publishers speak the real ingest protocol with H.264 + Opus Matroska from ffmpeg.
 */
import "@/server/chat/test/fresh-db";
import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "@/server/chat/test/cluster";
import { db } from "@/server/db";
import { drainMediaNode } from "@/server/admin/drain-media-node";
import { ffmpegPath } from "@/server/media/config";
import { endShow } from "@/server/media/end-show";
import { listMediaNodes, pickMediaNode } from "@/server/media/nodes/media-nodes";
import { createMediaProxy } from "@/server/media/nodes/web-proxy";
import { MediaNodeProc, ReconnectingPublisher } from "@/server/media/node/test/media-cluster";
import { listen, testUser } from "@/server/media/test-helpers";
import { waitFor } from "@/server/test/wait-for";

const dir = mkdtempSync(path.join(tmpdir(), "onair-media-nodes-"));
let nodes: MediaNodeProc[] = [];
let web: Server;
let webBase = "";
let sellerToken = "";
let adminId = "";
const showIds: string[] = [];
const publishers: ReconnectingPublisher[] = [];

const nodeOf = async (roomId: string) =>
  (await db.room.findUniqueOrThrow({ where: { id: roomId } })).mediaNodeId;
const byId = (nodeId: string | null) => nodes.find((n) => n.nodeId === nodeId)!;
async function playlist(roomId: string, name = "index.m3u8"): Promise<{ status: number; text: string }> {
  const res = await fetch(`http://${webBase}/hls/${roomId}/${name}`);
  return { status: res.status, text: await res.text() };
}
const mediaSequence = (text: string) => Number(/#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(text)?.[1] ?? -1);
const lastSeq = (text: string) =>
  mediaSequence(text) + text.split("\n").filter((l) => l.startsWith("#EXTINF")).length - 1;

function publish(roomId: string): ReconnectingPublisher {
  const p = new ReconnectingPublisher(`ws://${webBase}/ingest/${roomId}`, sellerToken, ffmpegPath());
  publishers.push(p);
  p.start();
  return p;
}

async function waitLive(roomId: string): Promise<void> {
  await waitFor(
    async () => (await db.room.findUniqueOrThrow({ where: { id: roomId } })).status === "LIVE",
    30_000,
    `show ${roomId} LIVE`,
  );
}

/** Waits until every node's heartbeat row shows the live shows it holds. */
async function heartbeatsShow(total: number): Promise<void> {
  await waitFor(
    async () => (await listMediaNodes()).reduce((n, r) => n + r.liveShows, 0) === total,
    10_000,
    `${total} live shows in heartbeats`,
  );
}

beforeAll(async () => {
  prepareDatabase();
  const seller = await testUser("seller@nodes.test", "Seller", "SELLER");
  adminId = (await testUser("admin@nodes.test", "Admin", "ADMIN")).id;
  for (let i = 0; i < 3; i++)
    showIds.push(
      (await db.room.create({ data: { slug: `node-show-${i}`, title: `Show ${i}`, sellerId: seller.id } }))
        .id,
    );
  sellerToken = seller.token;
  nodes = [
    await MediaNodeProc.create("media-a", path.join(dir, "a")),
    await MediaNodeProc.create("media-b", path.join(dir, "b")),
  ];
  await Promise.all(nodes.map((n) => n.start()));
  const proxy = createMediaProxy();
  web = createServer((req, res) => {
    if (!proxy.http(req, res)) res.writeHead(404).end();
  });
  web.on("upgrade", (req, socket, head: Buffer) => void proxy.upgrade(req, socket, head));
  webBase = `127.0.0.1:${await listen(web)}`;
}, 90_000);

afterAll(async () => {
  publishers.forEach((p) => p.stop());
  await Promise.all(nodes.map((n) => n.kill("SIGTERM")));
  web?.closeAllConnections();
  web?.close();
  await db.$disconnect();
});

describe("media nodes", () => {
  it("announce themselves: /health and a heartbeat row each", async () => {
    for (const n of nodes) {
      expect(await n.health()).toMatchObject({
        ok: true,
        role: "media",
        nodeId: n.nodeId,
        connections: 0,
        liveShows: 0,
        draining: false,
      });
    }
    const rows = await listMediaNodes();
    expect(rows.map((r) => [r.id, r.state, r.url])).toEqual(nodes.map((n) => [n.nodeId, "active", n.url]));
  });

  it("a show goes live on the least-loaded node, the next one on the other node", async () => {
    publish(showIds[0]!);
    await waitLive(showIds[0]!);
    const first = await nodeOf(showIds[0]!);
    expect(first).not.toBeNull();
    await heartbeatsShow(1);
    publish(showIds[1]!);
    await waitLive(showIds[1]!);
    const second = await nodeOf(showIds[1]!);
    expect(second).not.toBe(first);
    expect((await byId(first).health())?.liveShows).toBe(1);
    expect((await byId(second).health())?.liveShows).toBe(1);
  }, 90_000);

  it("viewers play each show through the web tier, from whichever node holds it", async () => {
    for (const roomId of showIds.slice(0, 2)) {
      const live = await waitFor(
        async () => {
          const p = await playlist(roomId);
          return p.status === 200 && p.text.includes("#EXTINF") ? p : null;
        },
        20_000,
        "a live playlist",
      );
      const segment = live.text.split("\n").find((l) => l && !l.startsWith("#"))!;
      const res = await fetch(`http://${webBase}/hls/${roomId}/${segment}`);
      expect(res.status).toBe(200);
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
    expect((await fetch(`http://${webBase}/hls/${showIds[0]}/..%2F..%2Fetc`)).status).toBe(404);
  }, 60_000);

  it("a drained node keeps its show but gets no new one; the drain is audited", async () => {
    await heartbeatsShow(2);
    // Drain the node the next show would go to otherwise.
    const wouldPick = pickMediaNode(await listMediaNodes())!;
    await drainMediaNode({ id: adminId }, wouldPick.id, true);
    expect(await db.auditLog.count({ where: { action: "media.drain", actorId: adminId } })).toBe(1);
    await waitFor(
      async () => (await byId(wouldPick.id).health())?.draining,
      5000,
      "the node reports draining",
    );
    publish(showIds[2]!);
    await waitLive(showIds[2]!);
    expect(await nodeOf(showIds[2]!)).not.toBe(wouldPick.id);
    // Its own show goes on.
    const owners = await Promise.all(showIds.slice(0, 2).map(nodeOf));
    const kept = showIds[owners.indexOf(wouldPick.id)]!;
    const before = lastSeq((await playlist(kept)).text);
    await waitFor(
      async () => lastSeq((await playlist(kept)).text) >= before + 2,
      20_000,
      "the drained node's show still growing",
    );
    await drainMediaNode({ id: adminId }, wouldPick.id, false);
  }, 90_000);

  it("a SIGKILLed node is restarted and its show continues at the same URL", async () => {
    const roomId = showIds[0]!;
    const node = byId(await nodeOf(roomId));
    const before = lastSeq((await playlist(roomId)).text);
    await node.kill("SIGKILL");
    // Meanwhile players get a retryable answer, never a wrong show.
    expect((await playlist(roomId)).status).toBe(502);
    await node.start();
    await waitFor(
      async () => lastSeq((await playlist(roomId)).text) >= before + 3,
      40_000,
      "new segments after the restart",
    );
    expect((await playlist(roomId, "recording.m3u8")).text).toContain("#EXT-X-DISCONTINUITY");
    // Same node (it came back within the dead-after window): the viewer's URL and the recording stay.
    expect(await nodeOf(roomId)).toBe(node.nodeId);
  }, 90_000);

  it("ending through the web tier writes the replay, which still plays after its node restarts", async () => {
    const roomId = showIds[1]!;
    const ended = await endShow(roomId);
    expect(ended.status).toBe("ENDED");
    expect(ended.hlsUrl).toBe(`/hls/${roomId}/index.m3u8`);
    const vod = (await playlist(roomId)).text;
    expect(vod).toContain("#EXT-X-PLAYLIST-TYPE:VOD");
    expect(vod.trim().endsWith("#EXT-X-ENDLIST")).toBe(true);
    const node = byId(await nodeOf(roomId));
    await node.kill("SIGKILL");
    await node.start();
    const again = await playlist(roomId);
    expect(again.status).toBe(200);
    expect(again.text).toBe(vod);
  }, 90_000);
});
