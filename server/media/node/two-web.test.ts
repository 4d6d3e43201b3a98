/**
 * Two web processes (real `server/web/main.ts` on a `next build`) and one media node on one database: a
 * show goes live through one web process, is watched, ended and replayed through either. The web tier
 * keeps no media state, so it does not matter which process a proxy sends a request to.
 */
import "@/server/chat/test/fresh-db";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "@/server/chat/test/cluster";
import { db } from "@/server/db";
import { freePortOn } from "@/server/test/node-process";
import { ffmpegPath } from "@/server/media/config";
import { MediaNodeProc, ReconnectingPublisher } from "@/server/media/node/test/media-cluster";
import { testUser } from "@/server/media/test-helpers";
import { waitFor } from "@/server/test/wait-for";

const ROOT = path.resolve(import.meta.dirname, "../../..");
/** The web tier runs from a `next build` (npm test's e2e step makes one); one older than the proxy would not forward media. */
function buildIsCurrent(): boolean {
  const build = path.join(ROOT, ".next/BUILD_ID");
  if (!existsSync(build)) return false;
  const built = statSync(build).mtimeMs;
  return ["server/media/nodes/web-proxy.ts", "server/media/end-show.ts", "server/web/main.ts"].every(
    (f) => statSync(path.join(ROOT, f)).mtimeMs < built,
  );
}
const HAS_BUILD = buildIsCurrent();
if (!HAS_BUILD)
  console.warn(
    "two-web: no current `next build` (.next/BUILD_ID missing or older than the media proxy): skipped; run `npx next build` to include it",
  );

const dir = mkdtempSync(path.join(tmpdir(), "onair-two-web-"));
const webs: { url: string; child: ChildProcess; output: string[] }[] = [];
let node: MediaNodeProc;
let publisher: ReconnectingPublisher | null = null;
let roomId = "";
let token = "";

async function startWeb(): Promise<void> {
  const port = await freePortOn("127.0.0.1");
  const url = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const child = spawn(process.execPath, ["--import", "tsx", "server/web/main.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      PUBLIC_URL: url,
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (c: Buffer) => output.push(c.toString()));
  child.stderr?.on("data", (c: Buffer) => output.push(c.toString()));
  webs.push({ url, child, output });
  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`web exited: ${output.join("")}`);
      return fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
    },
    90_000,
    "web tier healthy",
  );
}

const web = (i: number) => webs[i]!.url;
const auth = () => ({ authorization: `Bearer ${token}` });

beforeAll(async () => {
  if (!HAS_BUILD) return;
  prepareDatabase();
  const seller = await testUser("seller@two-web.test", "Seller", "SELLER");
  roomId = (
    await db.room.create({ data: { slug: "two-web-show", title: "Two web processes", sellerId: seller.id } })
  ).id;
  token = seller.token;
  node = await MediaNodeProc.create("media-1", path.join(dir, "media"));
  await node.start();
  await Promise.all([startWeb(), startWeb()]);
}, 180_000);

afterAll(async () => {
  publisher?.stop();
  await node?.kill("SIGTERM");
  await Promise.all(
    webs.map(
      (w) =>
        new Promise<void>((resolve) => {
          if (w.child.exitCode !== null) return resolve();
          w.child.once("exit", () => resolve());
          w.child.kill("SIGTERM");
        }),
    ),
  );
  await db.$disconnect();
});

describe.skipIf(!HAS_BUILD)("two web processes, one media node", () => {
  it("go live through web A; web B hands out the same hlsUrl and both serve the live playlist", async () => {
    publisher = new ReconnectingPublisher(
      `${web(0).replace("http", "ws")}/ingest/${roomId}`,
      token,
      ffmpegPath(),
    );
    publisher.start();
    await waitFor(
      async () => (await db.room.findUniqueOrThrow({ where: { id: roomId } })).status === "LIVE",
      60_000,
      "LIVE",
    );
    const studio = (await (
      await fetch(`${web(1)}/api/rooms/${roomId}/live`, { headers: auth() })
    ).json()) as { publishing: boolean; mediaNodeId: string; ingestUrl: string };
    expect(studio).toMatchObject({
      publishing: true,
      mediaNodeId: "media-1",
      ingestUrl: `/ingest/${roomId}`,
    });
    for (const i of [0, 1]) {
      const room = (await (await fetch(`${web(i)}/api/rooms/${roomId}`)).json()) as {
        status: string;
        hlsUrl: string;
      };
      expect(room).toMatchObject({ status: "LIVE", hlsUrl: `/hls/${roomId}/index.m3u8` });
      const live = await waitFor(
        async () => {
          const res = await fetch(`${web(i)}${room.hlsUrl}`);
          const text = await res.text();
          return res.status === 200 && text.includes("#EXTINF") ? text : null;
        },
        20_000,
        `live playlist via web ${i}`,
      );
      const segment = live.split("\n").find((l) => l && !l.startsWith("#"))!;
      expect((await fetch(`${web(1 - i)}/hls/${roomId}/${segment}`)).status).toBe(200);
    }
  }, 120_000);

  it("web B ends the show that went live through web A; the replay plays from both", async () => {
    const res = await fetch(`${web(1)}/api/rooms/${roomId}/live`, { method: "DELETE", headers: auth() });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ENDED", hlsUrl: `/hls/${roomId}/index.m3u8` });
    for (const i of [0, 1]) {
      const replay = (await (await fetch(`${web(i)}/api/rooms/${roomId}/replay`)).json()) as {
        status: string;
        hlsUrl: string;
      };
      expect(replay).toMatchObject({ status: "ENDED", hlsUrl: `/hls/${roomId}/index.m3u8` });
      const vod = await (await fetch(`${web(i)}${replay.hlsUrl}`)).text();
      expect(vod).toContain("#EXT-X-PLAYLIST-TYPE:VOD");
      expect(vod.trim().endsWith("#EXT-X-ENDLIST")).toBe(true);
    }
  }, 60_000);
});
