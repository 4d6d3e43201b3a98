import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import WebSocket from "ws";
import { afterAll, beforeAll } from "vitest";
import type { Role } from "@prisma/client";
import { encodeChunk, type TServerMessage } from "@/lib/media/ingest-protocol";
import type { TMediaConfig } from "@/server/media/config";
import { recorderLikeEncodeArgs } from "@/server/media/demo-source/demo-args";
import { freshDatabaseUrl, testingPostgres } from "@/server/test/fresh-database";
import { waitFor } from "@/server/test/wait-for";

/** ffmpeg's own test pattern and a 440 Hz tone, paced in real time like a camera, for `seconds`. */
function testPatternInput(seconds: number): string[] {
  return [
    ...["-hide_banner", "-loglevel", "error", "-re"],
    ...["-f", "lavfi", "-i", "testsrc=size=640x360:rate=30"],
    ...["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000"],
    ...["-t", String(seconds)],
  ];
}

/** A live WebM source (test pattern + tone) from ffmpeg itself, paced in real time like a camera. */
export function liveWebmSource(ffmpegPath: string, seconds: number): ChildProcess {
  return spawn(
    ffmpegPath,
    [
      ...testPatternInput(seconds),
      "-c:v",
      "libvpx",
      "-deadline",
      "realtime",
      "-cpu-used",
      "8",
      "-b:v",
      "600k",
      "-g",
      "30",
      "-c:a",
      "libopus",
      "-b:a",
      "48k",
      "-f",
      "webm",
      "pipe:1",
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
}

/**
 * A live H.264 + Opus Matroska source, like Chrome's MediaRecorder with `video/webm;codecs=h264,opus`:
 * Constrained Baseline, a keyframe every `gopFrames` frames (30 = 1 s), paced in real time.
 */
export function liveH264Source(ffmpegPath: string, seconds: number, gopFrames = 30): ChildProcess {
  return spawn(
    ffmpegPath,
    [...testPatternInput(seconds), ...recorderLikeEncodeArgs(gopFrames), "-f", "matroska", "pipe:1"],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
}

/** A publisher speaking the ingest protocol, recording what the server says. */
export class TestPublisher {
  readonly messages: TServerMessage[] = [];
  seq = 0;
  closed: { code: number; reason: string } | null = null;
  readonly ws: WebSocket;
  readonly opened: Promise<void>;
  readonly closedPromise: Promise<{ code: number; reason: string }>;

  constructor(url: string, token: string | null, headers?: Record<string, string>) {
    this.ws = new WebSocket(
      token ? `${url}?token=${encodeURIComponent(token)}` : url,
      headers ? { headers } : undefined,
    );
    this.opened = new Promise((resolve, reject) => {
      this.ws.once("open", () => resolve());
      this.ws.once("error", reject);
    });
    // Not every caller awaits `opened`: a publisher torn down while still connecting (terminate() rejects it)
    // must not surface as an unhandled rejection that fails the whole test run.
    this.opened.catch(() => undefined);
    this.ws.on("message", (data, isBinary) => {
      if (!isBinary) this.messages.push(JSON.parse((data as Buffer).toString("utf8")) as TServerMessage);
    });
    this.closedPromise = new Promise((resolve) =>
      this.ws.on("close", (code, reason) => resolve((this.closed = { code, reason: reason.toString() }))),
    );
  }

  hello(epoch: string, mimeType = "video/webm;codecs=vp8,opus"): void {
    this.ws.send(JSON.stringify({ type: "hello", epoch, mimeType, quality: "480p" }));
  }

  /** Waits for the socket, says hello and waits for the server's `ready`: from here media may flow. */
  async ready(
    epoch: string,
    opts: { mimeType?: string; timeoutMs?: number } = {},
  ): Promise<Extract<TServerMessage, { type: "ready" }>> {
    await this.opened;
    this.hello(epoch, opts.mimeType);
    return waitFor(
      () => this.messages.find((m): m is Extract<TServerMessage, { type: "ready" }> => m.type === "ready"),
      opts.timeoutMs ?? 5000,
      "ready",
    );
  }

  sendChunk(data: Uint8Array): void {
    this.ws.send(encodeChunk(this.seq++, data));
  }

  /** Pipes a source's stdout into the socket, one frame per read. */
  /** `firstByteAlone`: chunk 0 is one byte (0x1a), as Chromium's MediaRecorder sometimes hands it over. */
  pipeFrom(source: ChildProcess, opts: { firstByteAlone?: boolean } = {}): void {
    let first = opts.firstByteAlone ?? false;
    source.stdout?.on("data", (d: Buffer) => {
      if (this.ws.readyState !== WebSocket.OPEN) return;
      if (first && d.length > 1) {
        first = false;
        this.sendChunk(d.subarray(0, 1));
        d = d.subarray(1);
      }
      this.sendChunk(d);
    });
  }
}

export function listen(server: Server, host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, host, () => resolve((server.address() as { port: number }).port)),
  );
}

/**
 * Points the media tier at `mediaDir` with the bundled ffmpeg and limits sized for a test machine;
 * `overrides` set what a test is about. Returns the ffmpeg path. Call it after DATABASE_URL is set:
 * the config reads the env on import.
 */
export async function configureTestMedia(
  mediaDir: string,
  overrides: Partial<TMediaConfig> = {},
): Promise<string> {
  const { setMediaConfigForTests, ffmpegPath } = await import("@/server/media/config");
  const ffmpeg = ffmpegPath();
  setMediaConfigForTests({
    ffmpegPath: ffmpeg,
    mediaDir,
    maxChunkBytes: 256 * 1024,
    maxKbps: 8000,
    maxShowBytes: 200 * 1024 * 1024,
    maxLiveShows: 4,
    maxTranscodes: 2,
    reconnectGraceMs: 5000,
    testSource: false,
    ...overrides,
  });
  return ffmpeg;
}

/**
 * A media test file's own directory and database (`<name>.db` in it, or a fresh PostgreSQL database with
 * TEST_POSTGRES_URL), logs silenced: before anything imports `server/db`.
 */
function mediaTestDir(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `onair-${name}-`));
  process.env.DATABASE_URL = testingPostgres()
    ? freshDatabaseUrl(name)
    : `file:${path.join(dir, `${name}.db`)}`;
  process.env.LOG_LEVEL ??= "silent";
  return dir;
}

/** A media test file's world: see mediaWorld. `ffmpeg`, `server` and `base` are set from its beforeAll on. */
export type TMediaWorld = {
  dir: string;
  ffmpeg: string;
  server: Server | null;
  /** host:port of the ingest WebSocket and the HLS files. */
  base: string;
  /** Every publisher opened through `publisher` and source started through `source`, in order. */
  publishers: TestPublisher[];
  sources: ChildProcess[];
  /** A publisher to the show's ingest (`token` in the query), closed at the end. */
  publisher(roomId: string, token: string | null): TestPublisher;
  /** Starts a live source with the bundled ffmpeg (liveWebmSource, liveH264Source); killed at the end. */
  source(start: (ffmpeg: string) => ChildProcess): ChildProcess;
};

/**
 * Call at the top of a media test file, before anything imports `server/db`: its own directory and database
 * (mediaTestDir), and for its tests the migrated database, the media tier configured (files under
 * `dir/media`, `overrides` as in configureTestMedia) and the ingest + HLS server on a free port. After the
 * file, sources are killed, publishers closed, every live ingest finished and the server closed.
 */
export function mediaWorld(name: string, overrides: Partial<TMediaConfig> = {}): TMediaWorld {
  const dir = mediaTestDir(name);
  const world: TMediaWorld = {
    dir,
    ffmpeg: "",
    server: null,
    base: "",
    publishers: [],
    sources: [],
    publisher(roomId, token) {
      const p = new TestPublisher(`ws://${world.base}/ingest/${roomId}`, token);
      world.publishers.push(p);
      return p;
    },
    source(start) {
      const source = start(world.ffmpeg);
      world.sources.push(source);
      return source;
    },
  };
  beforeAll(async () => {
    const { migrate } = await import("@/scripts/migrate");
    migrate();
    world.ffmpeg = await configureTestMedia(path.join(dir, "media"), overrides);
    Object.assign(world, await startMediaServer());
  });
  afterAll(async () => {
    world.sources.forEach((s) => s.kill("SIGKILL"));
    world.publishers.forEach((p) => p.ws.terminate());
    const { liveIngests } = await import("@/server/media/registry");
    await Promise.all([...liveIngests.values()].map((i) => i.finish()));
    world.server?.closeAllConnections();
    world.server?.close();
  });
  return world;
}

/** The real ingest WebSocket and HLS file handler (404 for anything else) on a free port of `host`. */
export async function startMediaServer(host = "127.0.0.1"): Promise<{ server: Server; base: string }> {
  const { mountMedia } = await import("@/server/media/mount");
  const server = createServer();
  const serveMedia = mountMedia(server);
  server.on("request", (req, res) => {
    if (!serveMedia(req, res)) res.writeHead(404).end();
  });
  return { server, base: `${host}:${await listen(server, host)}` };
}

/**
 * A user straight in the database, with a session token. The database is imported here, not at the top:
 * a media test configures it (configureTestMedia) before anything opens it.
 */
export async function testUser(
  email: string,
  name: string,
  role: Role,
): Promise<{ id: string; token: string }> {
  const { db } = await import("@/server/db");
  const { createSession } = await import("@/server/auth/sessions");
  const user = await db.user.create({ data: { email, name, role, passwordHash: "x" } });
  return { id: user.id, token: (await createSession(user.id)).token };
}
