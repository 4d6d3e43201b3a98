import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { formatLine } from "@/server/supervisor/log-format";

export type TTierSpec = { name: string; script: string; args?: string[]; env: Record<string, string> };

const MAX_BACKOFF_MS = 10_000;
const HEALTHY_AFTER_MS = 30_000;

/**
 * Runs one tier as its own OS process, prefixes its output, and restarts it with backoff when it exits
 * unexpectedly. `stop()` ends it for good.
 */
export class SupervisedTier {
  private child: ChildProcess | null = null;
  private stopping = false;
  private backoff = 1000;

  constructor(
    private readonly spec: TTierSpec,
    private readonly print: (line: string) => void,
  ) {}

  start(): void {
    const startedAt = Date.now();
    const child = spawn(process.execPath, ["--import", "tsx", this.spec.script, ...(this.spec.args ?? [])], {
      env: { ...process.env, ...this.spec.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on("line", (line) => this.print(formatLine(line)));
    }
    child.on("exit", (code, signal) => {
      this.child = null;
      if (this.stopping) return;
      if (Date.now() - startedAt > HEALTHY_AFTER_MS) this.backoff = 1000;
      this.print(`exited (${signal ?? `code ${code}`}); restarting in ${this.backoff / 1000}s`);
      setTimeout(() => !this.stopping && this.start(), this.backoff);
      this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF_MS);
    });
  }

  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
  stop(graceMs = 5000): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (!child || child.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      child.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill("SIGTERM");
    });
  }
}
