/**
 * The app's own entry points (`server/.../main.ts`) run by integration tests as real child processes under
 * tsx, each on a free port, with its recent output kept so that a failure can say what the process said.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
/** Output chunks kept per process: enough for a start-up failure, bounded for long soak runs. */
const KEEP_CHUNKS = 200;

export type TNodeProc = {
  name: string;
  child: ChildProcess | null;
  output: string[];
  /** Exit code of the last run (null when a signal ended it; undefined while it runs). */
  exitCode?: number | null;
};

/** A free port on `host` that the OS just handed out (never 3000-3200, where dev servers live). */
export async function freePortOn(host: string): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const srv = createServer();
      srv.once("error", reject);
      srv.listen(0, host, () => {
        const addr = srv.address();
        srv.close(() => resolve(typeof addr === "object" && addr ? addr.port : 0));
      });
    });
    if (port > 3200) return port;
  }
}

/** Starts `file` (relative to the repo root) under tsx with exactly `env`, collecting its output into `proc`. */
export function spawnTsx(proc: TNodeProc, file: string, env: NodeJS.ProcessEnv): void {
  proc.exitCode = undefined;
  const child = spawn(process.execPath, ["--import", "tsx", file], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk: Buffer) => {
    proc.output.push(chunk.toString());
    if (proc.output.length > KEEP_CHUNKS) proc.output.shift();
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  proc.child = child;
}

/**
 * Polls `${url}/health` until it answers 200 with a body `ready` accepts, and returns that body. Fails at
 * once, with the process's output, if the process exits first or the time runs out.
 */
export async function waitHealthy<T = unknown>(
  proc: TNodeProc,
  url: string,
  opts: { timeoutMs?: number; ready?: (body: T) => boolean } = {},
): Promise<T> {
  const { timeoutMs = 20_000, ready = () => true } = opts;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const child = proc.child;
    if (!child || child.exitCode !== null || child.signalCode !== null)
      throw new Error(`${proc.name} exited before it was healthy at ${url}\n${proc.output.join("")}`);
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) });
      const body = res.ok ? ((await res.json()) as T) : undefined;
      if (body !== undefined && ready(body)) return body;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline)
      throw new Error(`${proc.name} not healthy at ${url} after ${timeoutMs} ms\n${proc.output.join("")}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Sends `signal` and waits for the exit (recorded in `proc.exitCode`); a process already gone is left be. */
export async function killProc(proc: TNodeProc, signal: NodeJS.Signals): Promise<void> {
  const child = proc.child;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) =>
    child.once("exit", (code) => {
      proc.exitCode = code;
      resolve();
    }),
  );
  child.kill(signal);
  await exited;
  proc.child = null;
}
