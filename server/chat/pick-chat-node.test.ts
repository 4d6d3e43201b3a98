import "@/server/chat/test/fresh-db";
import { createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Cluster } from "@/server/chat/test/cluster";
import { configureControlClient, listNodes } from "@/server/chat/control-client";
import { pickChatNode } from "@/server/chat/pick-chat-node";

let cluster: Cluster;
/** A "master" that accepts connections and never answers: what a saturated or hung master looks like. */
let silent: Server;
const held: Socket[] = [];

beforeAll(async () => {
  cluster = await Cluster.start(1);
  silent = createServer((socket) => void held.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
});

afterAll(async () => {
  held.forEach((s) => s.destroy());
  await new Promise<void>((resolve) => silent?.close(() => resolve()));
  await cluster?.stop();
});

describe("pickChatNode", () => {
  it("keeps handing out the last list's slaves at once while the master does not answer", async () => {
    const first = await pickChatNode(cluster.roomId, []);
    expect((await fetch(`${first.url}/health`)).status).toBe(200);

    configureControlClient({
      url: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`,
      secret: process.env.INTERNAL_SECRET ?? "",
    });
    // Past the list's 500 ms: a refresh is due, and it will hang until its 1.5 s timeout.
    await new Promise((r) => setTimeout(r, 600));
    const started = performance.now();
    const picks = await Promise.all(Array.from({ length: 20 }, () => pickChatNode(cluster.roomId, [])));
    expect(performance.now() - started).toBeLessThan(500);
    expect(new Set(picks.map((p) => p.nodeId))).toEqual(new Set([first.nodeId]));
    // One refresh in flight for all of them, not one request to the master per arrival.
    if (held.length === 0) await new Promise((r) => silent.once("connection", r));
    // (a request per arrival would have connected by now, too)
    await new Promise((r) => setTimeout(r, 100));
    expect(held.length).toBe(1);
  });

  it("past the list's 5 s, with the master gone, probes the known slaves once for a burst, not per arrival", async () => {
    configureControlClient({ url: cluster.masterUrl, secret: process.env.INTERNAL_SECRET ?? "" });
    const [known] = await listNodes();
    await cluster.stopMaster();
    // The list the picker holds is from the first test: wait until it is too old to serve.
    await new Promise((r) => setTimeout(r, 5000));
    const fetches = vi.spyOn(globalThis, "fetch");
    const picks = await Promise.all(Array.from({ length: 20 }, () => pickChatNode(cluster.roomId, [])));
    const healthProbes = fetches.mock.calls.filter(
      ([url]) => typeof url === "string" && url.endsWith("/health"),
    );
    fetches.mockRestore();
    expect(new Set(picks.map((p) => p.nodeId))).toEqual(new Set([known!.nodeId]));
    expect(healthProbes).toHaveLength(1);
  }, 15_000);
});
