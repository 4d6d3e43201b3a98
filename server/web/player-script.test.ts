import { createServer, get, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PLAYER_SCRIPT_PATH } from "@/lib/media/player-script";
import { servePlayerScript } from "@/server/web/player-script";

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (!servePlayerScript(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

describe("the player script", () => {
  it("serves hls.js's light build at its versioned address, cached for good, gzipped when asked", async () => {
    expect(PLAYER_SCRIPT_PATH).toMatch(/^\/player\/hls-\d+\.\d+\.\d+\.light\.min\.js$/);
    const plain = await fetch(base + PLAYER_SCRIPT_PATH, { headers: { "accept-encoding": "identity" } });
    expect(plain.status).toBe(200);
    expect(plain.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(plain.headers.get("cache-control")).toContain("immutable");
    const text = await plain.text();
    expect(text.length).toBeGreaterThan(100_000);
    expect(text).toContain("lowLatencyMode");

    const raw = await new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
      get(base + PLAYER_SCRIPT_PATH, { headers: { "accept-encoding": "gzip" } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ encoding: res.headers["content-encoding"], body: Buffer.concat(chunks) }),
        );
      }).on("error", reject);
    });
    expect(raw.encoding).toBe("gzip");
    expect(raw.body.length).toBeLessThan(text.length / 2);
    expect(gunzipSync(raw.body).toString()).toBe(text);
  });

  it("answers HEAD without a body, refuses other methods with 405, and leaves other paths alone", async () => {
    const head = await fetch(base + PLAYER_SCRIPT_PATH, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    const post = await fetch(base + PLAYER_SCRIPT_PATH, { method: "POST", body: "x" });
    expect(post.status).toBe(405);
    expect(((await post.json()) as { error: { code: string } }).error.code).toBe("METHOD_NOT_ALLOWED");
    expect((await fetch(`${base}/player/hls-0.0.0.light.min.js`)).status).toBe(404);
    expect((await fetch(`${base + PLAYER_SCRIPT_PATH}?x=1`)).status).toBe(404);
  });
});
