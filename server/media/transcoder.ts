import { spawn, type ChildProcess } from "node:child_process";
import type { Logger } from "@/server/log";

/** Input waiting in ffmpeg's stdin beyond this means it cannot keep up: restart rather than grow. */
const MAX_PENDING_INPUT = 16 * 1024 * 1024;

/** One ffmpeg process (one "generation" of a show's stream). The ingest session supervises it. */
export class Transcoder {
  readonly proc: ChildProcess;
  private exited = false;
  private stderrTail = "";
  private readonly exitPromise: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(
    ffmpegPath: string,
    args: string[],
    private readonly log: Logger,
    onOutput: (chunk: Buffer) => void,
  ) {
    this.proc = spawn(ffmpegPath, args, { stdio: ["pipe", "pipe", "pipe"] });
    this.proc.stdin?.on("error", () => undefined); // EPIPE when ffmpeg dies: the exit handler reports it
    this.proc.stderr?.on("data", (d: Buffer) => {
      this.log.debug({ ffmpeg: d.toString().trim() }, "ffmpeg says");
      this.stderrTail = (this.stderrTail + d.toString()).slice(-2000);
    });
    // Fragmented MP4 as ffmpeg writes it: the packager turns it into parts the moment it arrives.
    this.proc.stdout?.on("data", (d: Buffer) => onOutput(d));
    this.exitPromise = new Promise((resolve) => {
      this.proc.on("close", (code, signal) => {
        this.exited = true;
        resolve({ code, signal });
      });
      this.proc.on("error", (err) => {
        this.log.error({ err }, "ffmpeg could not start");
        this.exited = true;
        resolve({ code: -1, signal: null });
      });
    });
  }

  get pid(): number | undefined {
    return this.proc.pid;
  }

  get alive(): boolean {
    return !this.exited;
  }

  /** The last lines ffmpeg printed, for the failure log. */
  get lastError(): string {
    return this.stderrTail.trim().split("\n").slice(-3).join(" | ");
  }

  write(data: Uint8Array): void {
    const stdin = this.proc.stdin;
    if (this.exited || !stdin || stdin.destroyed) return;
    if (stdin.writableLength > MAX_PENDING_INPUT) {
      this.log.warn({ pending: stdin.writableLength }, "ffmpeg input backlog too large; restarting it");
      this.kill();
      return;
    }
    stdin.write(data);
  }

  onExit(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    return this.exitPromise;
  }

  /** Ends the input so ffmpeg writes its last fragment, then waits (killing it after `timeoutMs`). */
  async finish(timeoutMs = 5000): Promise<void> {
    this.proc.stdin?.end();
    const timer = setTimeout(() => this.kill(), timeoutMs);
    await this.exitPromise;
    clearTimeout(timer);
  }

  kill(): void {
    if (!this.exited) this.proc.kill("SIGKILL");
  }
}
