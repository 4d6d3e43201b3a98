/**
 * Integration: the real ingest WebSocket and HLS file handler on a free port, a real SQLite database,
 * real ffmpeg fed with WebM that ffmpeg itself generates live (VP8 test pattern + tone). VP8 cannot be
 * copied into HLS, so this show takes the x264 re-encode path (llhls.test.ts covers the H.264 copy path).
 */
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { INGEST_CLOSE } from "@/lib/media/ingest-protocol";
import { liveWebmSource, mediaWorld, testUser, type TestPublisher } from "@/server/media/test-helpers";
import { waitFor } from "@/server/test/wait-for";

const MAX_CHUNK = 256 * 1024;
const world = mediaWorld("media", { maxChunkBytes: MAX_CHUNK });

let roomId = "";
let sellerToken = "";
let shopperToken = "";

type TSession = {
  ffmpegPid: number | undefined;
  stats(): { restarts: number; segments: number; videoPath: string; transcodeReason: string | null };
  finish(): Promise<void>;
};

async function session(): Promise<TSession> {
  const { liveIngests } = await import("@/server/media/registry");
  return liveIngests.get(roomId) as unknown as TSession;
}

function playlist(name = "index.m3u8"): string {
  const file = path.join(world.dir, "media", roomId, name);
  return existsSync(file) ? readFileSync(file, "utf8") : "";
}
const mediaSequence = (text: string) => Number(/#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(text)?.[1] ?? -1);
const segmentCount = (text: string) => text.split("\n").filter((l) => l.endsWith(".m4s")).length;

beforeAll(async () => {
  const { db } = await import("@/server/db");
  const seller = await testUser("s@t.test", "Seller", "SELLER");
  const shopper = await testUser("b@t.test", "Buyer", "SHOPPER");
  const room = await db.room.create({
    data: { slug: "media-test", title: "Media test", sellerId: seller.id },
  });
  roomId = room.id;
  sellerToken = seller.token;
  shopperToken = shopper.token;
});

describe("ingest admission", () => {
  it("refuses a signed-in shopper who is not the show's seller", async () => {
    const p = world.publisher(roomId, shopperToken);
    const closed = await p.closedPromise;
    expect(closed.code).toBe(INGEST_CLOSE.FORBIDDEN);
    expect(closed.reason).toMatch(/only this show's seller/i);
  });

  it("refuses a publisher that is not signed in", async () => {
    const p = world.publisher(roomId, null);
    expect((await p.closedPromise).code).toBe(INGEST_CLOSE.UNAUTHENTICATED);
  });
});

describe("a live show", () => {
  let publisher: TestPublisher;
  const pending: Buffer[] = [];
  const flush = () => {
    while (pending.length > 0 && publisher.ws.readyState === publisher.ws.OPEN && !publisher.closed)
      publisher.sendChunk(pending.shift()!);
  };

  it("goes live: segments appear and the show is LIVE", async () => {
    publisher = world.publisher(roomId, sellerToken);
    await publisher.ready("epoch-one-1234");
    const source = world.source((ffmpeg) => liveWebmSource(ffmpeg, 90));
    // Like the browser: the recording goes on while the socket is down, and waits to be sent.
    source.stdout?.on("data", (d: Buffer) => {
      pending.push(d);
      flush();
    });
    await waitFor(() => segmentCount(playlist()) >= 3, 20_000, "three live segments");
    await waitFor(() => publisher.messages.some((m) => m.type === "live"), 5000, "live message");
    const { db } = await import("@/server/db");
    const room = await db.room.findUniqueOrThrow({ where: { id: roomId } });
    expect(room.status).toBe("LIVE");
    expect(room.startedAt).toBeInstanceOf(Date);
    expect(room.hlsPath).toBe(roomId);
    const s = await session();
    expect(s.stats()).toMatchObject({ videoPath: "transcode", transcodeReason: "codec" });

    const res = await fetch(`http://${world.base}/hls/${roomId}/index.m3u8`);
    expect(res.headers.get("content-type")).toBe("application/vnd.apple.mpegurl");
    expect(res.headers.get("cache-control")).toBe("no-cache");
    const live = await res.text();
    expect(live).toContain("#EXT-X-PART-INF:PART-TARGET=0.250");
    const first = live.split("\n").find((l) => l.endsWith(".m4s"));
    const seg = await fetch(`http://${world.base}/hls/${roomId}/${first}`);
    expect(seg.headers.get("content-type")).toBe("video/mp4");
    expect(seg.headers.get("cache-control")).toContain("immutable");
    expect((await fetch(`http://${world.base}/hls/${roomId}/..%2F..%2Fmedia.db`)).status).toBe(404);
    expect((await fetch(`http://${world.base}/hls/${roomId}/../media.db`)).status).toBe(404);
  });

  it("refuses a second publisher for the same show with a clear message", async () => {
    const second = world.publisher(roomId, sellerToken);
    await second.opened;
    second.hello("epoch-two-5678");
    const closed = await second.closedPromise;
    expect(closed.code).toBe(INGEST_CLOSE.CONFLICT);
    expect(closed.reason).toMatch(/already being broadcast/);
  });

  it("restarts a killed ffmpeg and the playlist keeps growing", async () => {
    const s = await session();
    const pid = s.ffmpegPid;
    expect(pid).toBeTypeOf("number");
    const before = mediaSequence(playlist()) + segmentCount(playlist());
    process.kill(pid!, "SIGKILL");
    await waitFor(() => s.ffmpegPid !== undefined && s.ffmpegPid !== pid, 5000, "a new ffmpeg");
    await waitFor(
      () => mediaSequence(playlist()) + segmentCount(playlist()) >= before + 4,
      20_000,
      "four more segments",
    );
    expect(s.stats().restarts).toBe(1);
    expect(playlist("recording.m3u8")).toContain("#EXT-X-DISCONTINUITY");
  });

  it("refuses an oversized chunk without harming the running stream", async () => {
    const s = await session();
    const pid = s.ffmpegPid;
    const before = mediaSequence(playlist()) + segmentCount(playlist());
    // Sent with the next sequence number, which the refusal does not consume: the real stream goes on.
    const frame = Buffer.alloc(4 + MAX_CHUNK + 1000, 7);
    frame.writeUInt32BE(publisher.seq, 0);
    publisher.ws.send(frame, { binary: true });
    await waitFor(
      () => publisher.messages.find((m) => m.type === "warning" && m.code === "CHUNK_TOO_LARGE"),
      5000,
      "warning",
    );
    await waitFor(
      () => mediaSequence(playlist()) + segmentCount(playlist()) >= before + 3,
      20_000,
      "three more segments",
    );
    expect(publisher.closed).toBeNull();
    expect(s.ffmpegPid).toBe(pid);
    expect(s.stats().restarts).toBe(1);
  });

  it("resumes the same stream when the seller reconnects within seconds", async () => {
    const s = await session();
    const pid = s.ffmpegPid;
    const discontinuities = playlist("recording.m3u8").split("#EXT-X-DISCONTINUITY\n").length;
    const before = mediaSequence(playlist()) + segmentCount(playlist());
    const seq = publisher.seq;
    publisher.ws.terminate(); // the network drops: no close handshake
    await publisher.closedPromise;
    await new Promise((r) => setTimeout(r, 1500));
    const again = world.publisher(roomId, sellerToken);
    const ready = await again.ready("epoch-one-1234");
    expect(ready).toMatchObject({ resumeAt: seq });
    again.seq = seq;
    publisher = again;
    flush();
    await waitFor(
      () => mediaSequence(playlist()) + segmentCount(playlist()) >= before + 4,
      20_000,
      "four more segments",
    );
    expect(s.ffmpegPid).toBe(pid);
    expect(s.stats().restarts).toBe(1);
    expect(playlist("recording.m3u8").split("#EXT-X-DISCONTINUITY\n").length).toBe(discontinuities);
  });

  it("finishes into a VOD replay with EXT-X-ENDLIST", async () => {
    world.sources.forEach((src) => src.kill("SIGKILL"));
    const s = await session();
    await s.finish();
    const vod = playlist();
    expect(vod).toContain("#EXT-X-PLAYLIST-TYPE:VOD");
    expect(vod.trim().endsWith("#EXT-X-ENDLIST")).toBe(true);
    expect(mediaSequence(vod)).toBe(0);
    expect(segmentCount(vod)).toBeGreaterThanOrEqual(10);
  });
});
