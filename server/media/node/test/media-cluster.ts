/**
 * Media nodes as real processes for integration tests (each its own media directory, as on separate
 * hosts), plus a reconnecting publisher fed by the demo source's generated camera.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { demoSourceArgs } from "@/server/media/demo-source/demo-args";
import { TestPublisher } from "@/server/media/test-helpers";
import { freePortOn, killProc, spawnTsx, waitHealthy, type TNodeProc } from "@/server/test/node-process";

export type TNodeHealth = {
  ok: boolean;
  role: string;
  nodeId: string;
  connections: number;
  liveShows: number;
  draining: boolean;
  registered: boolean;
};

export class MediaNodeProc implements TNodeProc {
  child: ChildProcess | null = null;
  output: string[] = [];
  exitCode?: number | null;

  private constructor(
    readonly nodeId: string,
    readonly port: number,
    readonly mediaDir: string,
    private readonly extraEnv: Record<string, string>,
  ) {}

  static async create(
    nodeId: string,
    mediaDir: string,
    extraEnv: Record<string, string> = {},
  ): Promise<MediaNodeProc> {
    return new MediaNodeProc(nodeId, await freePortOn("127.0.0.1"), mediaDir, extraEnv);
  }

  get name(): string {
    return this.nodeId;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    spawnTsx(this, "server/media/node/main.ts", {
      ...process.env,
      LOG_LEVEL: process.env.MEDIA_TEST_LOG_LEVEL ?? "warn",
      ONAIR_ROLE: "media",
      MEDIA_NODE_ID: this.nodeId,
      MEDIA_PORT: String(this.port),
      MEDIA_HOST: "127.0.0.1",
      MEDIA_DIR: this.mediaDir,
      ...this.extraEnv,
    });
    await waitHealthy<TNodeHealth>(this, this.url, { timeoutMs: 90_000, ready: (h) => h.registered });
  }

  async health(): Promise<TNodeHealth | null> {
    try {
      const res = await fetch(`${this.url}/health`, { signal: AbortSignal.timeout(2000) });
      return res.ok ? ((await res.json()) as TNodeHealth) : null;
    } catch {
      return null;
    }
  }

  kill(signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
    return killProc(this, signal);
  }
}

/**
 * A publisher that behaves like the studio across outages: when its socket drops it reconnects (with the
 * same epoch) and, when the server asks for a fresh recording, restarts its camera (ffmpeg).
 */
export class ReconnectingPublisher {
  current: TestPublisher | null = null;
  private source: ChildProcess | null = null;
  private stopped = false;
  readonly epoch = `epoch-${Math.random().toString(36).slice(2, 12)}`;
  lives = 0;
  connections = 0;

  constructor(
    private readonly url: string,
    private readonly token: string,
    private readonly ffmpeg: string,
  ) {}

  start(): void {
    this.connect();
  }

  private connect(): void {
    if (this.stopped) return;
    const p = new TestPublisher(this.url, this.token);
    this.current = p;
    this.connections++;
    p.ws.on("error", () => undefined);
    p.ws.on("open", () => p.hello(this.epoch));
    p.ws.on("message", (data, isBinary) => {
      if (isBinary) return;
      const msg = JSON.parse((data as Buffer).toString("utf8")) as { type: string };
      if (msg.type === "live") this.lives++;
      if (msg.type !== "ready") return;
      this.source?.kill("SIGKILL");
      p.seq = 0;
      const source = spawn(this.ffmpeg, demoSourceArgs({ size: "320x180" }), {
        stdio: ["ignore", "pipe", "ignore"],
      });
      this.source = source;
      source.stdout?.on("data", (d: Buffer) => {
        if (this.current === p && p.ws.readyState === p.ws.OPEN) p.sendChunk(d);
      });
    });
    void p.closedPromise.then(({ code }) => {
      if (this.current !== p || this.stopped) return;
      if (code === 1000 || code === 4410) return this.stop(); // the show ended
      this.source?.kill("SIGKILL");
      setTimeout(() => this.connect(), 500);
    });
  }

  stop(): void {
    this.stopped = true;
    this.source?.kill("SIGKILL");
    this.current?.ws.terminate();
  }
}
