/**
 * Broken and hostile publishers (issues 10 and 11) against the real ingest WebSocket, real ffmpeg and a real
 * database: idle sockets must not hold live slots, the Origin is checked like the REST API's, and garbage
 * closes that ingest only, with a clear code and reason.
 */
import type { ChildProcess } from "node:child_process";
import { connect } from "node:net";
import WebSocket from "ws";
import { beforeAll, describe, expect, it } from "vitest";
import { INGEST_CLOSE } from "@/lib/media/ingest-protocol";
import { liveWebmSource, mediaWorld, testUser, type TestPublisher } from "@/server/media/test-helpers";
import { waitFor } from "@/server/test/wait-for";

const IDLE_MS = 2000;
const MAX_LIVE = 2;
const world = mediaWorld("hostile", {
  maxChunkBytes: 64 * 1024,
  maxShowBytes: 100 * 1024 * 1024,
  maxLiveShows: MAX_LIVE,
  maxTranscodes: MAX_LIVE,
  reconnectGraceMs: 20_000,
  idleMs: IDLE_MS,
  allowedOrigins: ["https://shop.example.com"],
});

let sellerToken = "";
let otherSellerToken = "";
const rooms: Record<string, string> = {};

async function liveCount(): Promise<number> {
  const { liveShowCount } = await import("@/server/media/registry");
  return liveShowCount();
}

const publisher = (room: string, token: string | null) => world.publisher(rooms[room]!, token);

/** Publishes a live test pattern until the show has a segment. */
async function goLive(p: TestPublisher, opts: { firstByteAlone?: boolean } = {}): Promise<ChildProcess> {
  await p.ready(`epoch-${Math.random().toString(36).slice(2, 12)}`);
  const source = world.source((ffmpeg) => liveWebmSource(ffmpeg, 60));
  p.pipeFrom(source, opts);
  return source;
}

beforeAll(async () => {
  const { db } = await import("@/server/db");
  const seller = await testUser("real@t.test", "Real seller", "SELLER");
  const other = await testUser("squatter@t.test", "Squatter", "SELLER");
  for (const [slug, owner] of [
    ["real", seller],
    ["squat-1", other],
    ["squat-2", other],
    ["garbage", seller],
    ["origin", seller],
  ] as const) {
    rooms[slug] = (
      await db.room.create({ data: { slug: `hostile-${slug}`, title: slug, sellerId: owner.id } })
    ).id;
  }
  sellerToken = seller.token;
  otherSellerToken = other.token;
});

describe("idle publishers", () => {
  it("sockets that sent a hello and no media neither block another seller's go-live nor stay open", async () => {
    // A seller holds as many ingest sockets as there are live slots, and sends nothing after hello.
    const squatters = [publisher("squat-1", otherSellerToken), publisher("squat-2", otherSellerToken)];
    for (const s of squatters) {
      await s.ready(`squat-${Math.random().toString(36).slice(2, 12)}`);
    }
    const opened = Date.now();
    // The real seller goes live at once: a hello holds no slot. Their browser hands the recording's first
    // byte over alone (Chromium does): the WebM check waits for four bytes instead of refusing it.
    const real = publisher("real", sellerToken);
    await goLive(real, { firstByteAlone: true });
    await waitFor(() => real.messages.some((m) => m.type === "live"), 20_000, "the real show live");
    expect(real.closed).toBeNull();
    // And the silent sockets are closed after the idle limit, with a code and a reason.
    for (const s of squatters) {
      const closed = await s.closedPromise;
      expect(closed.code).toBe(INGEST_CLOSE.IDLE);
      expect(closed.reason).toMatch(/no video received/i);
    }
    expect(Date.now() - opened).toBeLessThan(IDLE_MS + 20_000);
    expect(await liveCount()).toBe(1);
  });

  it("a publisher that stops sending mid-show is closed and frees its slot", async () => {
    const p = publisher("squat-1", otherSellerToken);
    const source = await goLive(p);
    await waitFor(() => p.messages.some((m) => m.type === "live"), 20_000, "second show live");
    expect(await liveCount()).toBe(2);
    source.kill("SIGSTOP"); // the encoder hangs: the socket stays open, no media arrives
    const closed = await p.closedPromise;
    source.kill("SIGKILL");
    expect(closed.code).toBe(INGEST_CLOSE.IDLE);
    await waitFor(async () => (await liveCount()) === 1, 10_000, "the slot freed");
  });
});

describe("the Origin of the ingest WebSocket", () => {
  const upgradeStatus = (origin: string, host?: string) =>
    new Promise<number>((resolve) => {
      const ws = new WebSocket(`ws://${world.base}/ingest/${rooms.origin}?token=${sellerToken}`, {
        headers: { origin, ...(host ? { host } : {}) },
      });
      ws.on("unexpected-response", (_req, res) => {
        resolve(res.statusCode ?? 0);
        ws.terminate();
      });
      ws.on("open", () => {
        resolve(101);
        ws.close();
      });
      ws.on("error", () => undefined);
    });

  it("refuses a page of another site (or a sibling subdomain) with 403 before any handshake", async () => {
    expect(await upgradeStatus("https://evil.example.net")).toBe(403);
    expect(await upgradeStatus("https://shop.example.com.evil.net")).toBe(403);
    expect(await upgradeStatus("null")).toBe(403);
  });

  it("accepts the request's own host, PUBLIC_URL's origin, and clients that send no Origin", async () => {
    expect(await upgradeStatus(`http://${world.base}`)).toBe(101);
    expect(await upgradeStatus("https://shop.example.com")).toBe(101);
    const app = publisher("origin", sellerToken);
    await app.opened;
    app.ws.close();
  });
});

describe("upgrade targets that are not URLs", () => {
  it("are refused (404, closed) instead of throwing in the upgrade listener and killing the process", async () => {
    const [host = "127.0.0.1", port = "0"] = world.base.split(":");
    for (const target of ["http://[::1/ingest/x", "http://a:99999/ingest/x"]) {
      const statusLine = await new Promise<string>((resolve) => {
        const socket = connect(Number(port), host);
        let data = "";
        socket.on("data", (c: Buffer) => (data += c.toString("latin1")));
        socket.on("close", () => resolve(data.split("\r\n")[0] ?? ""));
        socket.on("error", () => undefined);
        socket.write(
          `GET ${target} HTTP/1.1\r\nHost: ${world.base}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
            "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n",
        );
      });
      expect(statusLine, target).toBe("HTTP/1.1 404 Not Found");
    }
    const app = publisher("origin", sellerToken);
    await app.opened;
    app.ws.close();
  });
});

describe("garbage from a publisher closes that ingest only", () => {
  it("a text frame that is not a control message: 4400", async () => {
    const p = publisher("garbage", sellerToken);
    await p.opened;
    p.ws.send("{not json");
    const closed = await p.closedPromise;
    expect(closed.code).toBe(INGEST_CLOSE.BAD_MESSAGE);
    expect(closed.reason).toMatch(/malformed/i);
  });

  it("a recording that is not WebM/Matroska: 4415", async () => {
    const p = publisher("garbage", sellerToken);
    await p.ready(`junk-${Math.random().toString(36).slice(2, 12)}`);
    p.sendChunk(Buffer.from("GIF89a this is not a video at all"));
    const closed = await p.closedPromise;
    expect(closed.code).toBe(INGEST_CLOSE.BAD_MEDIA);
    expect(closed.reason).toMatch(/not a WebM/i);
  });

  it("a frame above the protocol's limit: 1009, while the live show next door keeps going", async () => {
    const real = world.publishers.find((p) => p.ws.url.includes(rooms.real!))!;
    const before = real.messages.filter((m) => m.type === "stats").length;
    const p = publisher("garbage", sellerToken);
    await p.ready(`big-${Math.random().toString(36).slice(2, 12)}`);
    p.ws.send(Buffer.alloc(64 * 1024 * 4 + 1024, 1), { binary: true });
    expect((await p.closedPromise).code).toBe(1009);
    await waitFor(
      () => real.messages.filter((m) => m.type === "stats").length > before + 1,
      10_000,
      "stats from the live show",
    );
    expect(real.closed).toBeNull();
  });
});
