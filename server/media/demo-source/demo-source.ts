import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import WebSocket from "ws";
import { encodeChunk, INGEST_CLOSE, type TServerMessage } from "@/lib/media/ingest-protocol";
import type { Logger } from "@/server/log";
import { DEMO_MIME_TYPE } from "@/server/media/demo-source/demo-args";

const RETRY_MS = [1000, 2000, 5000, 10_000];
/** Closes after which hammering helps nobody: someone else publishes, or the token/room is wrong. */
const SLOW_RETRY = new Set<number>([
  INGEST_CLOSE.CONFLICT,
  INGEST_CLOSE.FORBIDDEN,
  INGEST_CLOSE.UNAUTHENTICATED,
  INGEST_CLOSE.NOT_FOUND,
  INGEST_CLOSE.CAPACITY,
]);
const SLOW_RETRY_MS = 30_000;
/** More unsent bytes than this (about 3 s at 800 kbit/s) means the link stalls: start over rather than grow. */
const MAX_BUFFERED = 1024 * 1024;

export type TDemoSourceOptions = {
  ingestUrl: string;
  token: () => Promise<string>;
  ffmpegPath: string;
  /** What ffmpeg runs to make each recording: Matroska to stdout at real-time pace (demo-args.ts). */
  ffmpegArgs: string[];
  log: Logger;
  /** Told about every close, so the caller can stop for good (the show ended). */
  onClose?: (code: number, reason: string) => "retry" | "stop";
};

/**
 * A publisher like the studio, fed by ffmpeg instead of a camera: speaks the real ingest protocol (hello,
 * ready, sequence-numbered Matroska chunks) through the web tier, authenticated as the show's seller.
 * Reconnects forever; each connection starts a fresh recording (the node continues the show after a
 * discontinuity, as for a seller whose tab reloaded).
 */
export class DemoSource {
  private ws: WebSocket | null = null;
  private ffmpeg: ChildProcess | null = null;
  private seq = 0;
  private attempt = 0;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  private maxChunkBytes = 256 * 1024;

  constructor(private readonly opts: TDemoSourceOptions) {}

  start(): void {
    void this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.killFfmpeg();
    this.ws?.close(1000, "demo source stopped");
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    let token: string;
    try {
      token = await this.opts.token();
    } catch (err) {
      this.opts.log.warn({ err: (err as Error).message }, "no session for the demo seller yet");
      return this.retry(RETRY_MS.at(-1) ?? 10_000);
    }
    const ws = new WebSocket(this.opts.ingestUrl, {
      headers: { authorization: `Bearer ${token}` },
      perMessageDeflate: false,
    });
    this.ws = ws;
    ws.on("open", () =>
      ws.send(
        JSON.stringify({
          type: "hello",
          epoch: randomBytes(9).toString("base64url"),
          mimeType: DEMO_MIME_TYPE,
          quality: "480p",
        }),
      ),
    );
    ws.on("message", (data, isBinary) => {
      if (!isBinary) this.onMessage(JSON.parse((data as Buffer).toString("utf8")) as TServerMessage);
    });
    ws.on("error", (err) => this.opts.log.debug({ err: err.message }, "demo ingest socket error"));
    ws.on("close", (code, reason) => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.killFfmpeg();
      if (this.stopped) return;
      const text = reason.toString();
      if (this.opts.onClose?.(code, text) === "stop") return this.stop();
      const delay = SLOW_RETRY.has(code)
        ? SLOW_RETRY_MS
        : (RETRY_MS[Math.min(this.attempt++, RETRY_MS.length - 1)] ?? 10_000);
      this.opts.log.warn({ code, reason: text, retryInMs: delay }, "demo ingest closed; reconnecting");
      this.retry(delay);
    });
  }

  private retry(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.connect(), ms);
  }

  private onMessage(msg: TServerMessage): void {
    if (msg.type === "ready") {
      this.maxChunkBytes = msg.maxChunkBytes;
      // Every ready starts a fresh recording: the chunks of a previous one are not kept.
      this.startFfmpeg();
    } else if (msg.type === "live") {
      this.attempt = 0;
      this.opts.log.info({ startedAt: msg.startedAt }, "demo show is on air");
    } else if (msg.type === "ended") {
      this.stop();
    }
  }

  private startFfmpeg(): void {
    this.killFfmpeg();
    this.seq = 0;
    const ff = spawn(this.opts.ffmpegPath, this.opts.ffmpegArgs, { stdio: ["ignore", "pipe", "pipe"] });
    this.ffmpeg = ff;
    let stderr = "";
    ff.stderr?.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-1000)));
    ff.stdout?.on("data", (d: Buffer) => this.send(d));
    ff.on("exit", (code, signal) => {
      if (this.ffmpeg !== ff) return;
      this.ffmpeg = null;
      this.opts.log.error({ code, signal, ffmpeg: stderr.trim() }, "demo ffmpeg exited; starting over");
      this.ws?.close(1000, "source restarting");
    });
  }

  private send(data: Buffer): void {
    const ws = this.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) return;
    if (ws.bufferedAmount > MAX_BUFFERED) {
      this.opts.log.warn({ buffered: ws.bufferedAmount }, "ingest link stalled; reconnecting");
      ws.terminate();
      return;
    }
    for (let off = 0; off < data.length; off += this.maxChunkBytes)
      ws.send(encodeChunk(this.seq++, data.subarray(off, off + this.maxChunkBytes)));
  }

  private killFfmpeg(): void {
    const ff = this.ffmpeg;
    this.ffmpeg = null;
    if (ff && ff.exitCode === null) ff.kill("SIGKILL");
  }
}
