import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import {
  DATA_DIR,
  MEDIA_IDLE_SECONDS,
  METRICS_TOKEN,
  PORTS,
  SIGNUP_LIMIT_PER_HOUR,
} from "@/server/hostile/setup-env";

const ROOT = path.resolve(import.meta.dirname, "../..");

export type TTierPids = Record<string, number>;

/** The tier a process runs, from its command line (`node --import tsx server/web/main.ts`). */
const TIER_SCRIPTS: Record<string, string> = {
  "server/web/main.ts": "web",
  "server/chat/master/main.ts": "master",
  "server/chat/slave/main.ts": "slave",
  "server/media/node/main.ts": "media",
  "server/media/demo-source/main.ts": "demo",
};

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

function envOf(pid: number, name: string): string | undefined {
  try {
    const line = readFileSync(`/proc/${pid}/environ`, "utf8")
      .split("\0")
      .find((l) => l.startsWith(`${name}=`));
    return line?.slice(name.length + 1);
  } catch {
    return undefined;
  }
}

/** Resident memory of a process in bytes (VmRSS of /proc/<pid>/status). */
export function rssOf(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  if (!kb) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(kb) * 1024;
}

/**
 * The whole system as `npm start` runs it (scripts/start.ts: migrations, seed, web build when stale, then
 * web, chat master, two slaves, a media node and the demo show's source as supervised processes), in
 * production mode on the suite's ports and data directory.
 */
export class HostileSystem {
  private output: string[] = [];

  private constructor(private readonly child: ChildProcess) {
    const keep = (c: Buffer) => {
      this.output.push(c.toString());
      if (this.output.length > 2000) this.output.shift();
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
  }

  static async start(): Promise<HostileSystem> {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: String(PORTS.web),
        PUBLIC_URL: `http://localhost:${PORTS.web}`,
        CHAT_MASTER_PORT: String(PORTS.master),
        CHAT_SLAVE_BASE_PORT: String(PORTS.slaves[0]),
        CHAT_SLAVES: "2",
        MEDIA_BASE_PORT: String(PORTS.media),
        MEDIA_NODES: "1",
        MEDIA_IDLE_SECONDS: String(MEDIA_IDLE_SECONDS),
        // The demo show holds one slot: the idle-publisher case needs the next ones to be the last.
        MEDIA_MAX_LIVE_SHOWS: "2",
        SIGNUP_LIMIT_PER_HOUR: String(SIGNUP_LIMIT_PER_HOUR),
        METRICS_TOKEN,
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const system = new HostileSystem(child);
    await system.waitReady(400_000);
    return system;
  }

  logs(tail = 80): string {
    return this.output.join("").split("\n").slice(-tail).join("\n");
  }

  /** Error lines the tiers logged (pino error and fatal, as start.ts prints them), to show with a failure. */
  errors(): string[] {
    return this.output
      .join("")
      .split("\n")
      .filter((l) => /\] +(error|fatal) /.test(l) || /"level":(50|60)/.test(l))
      .map((l) => l.slice(0, 1500));
  }

  /** Times a tier printed "exited (…); restarting" (start.ts's supervisor). */
  restarts(): string[] {
    return this.output
      .join("")
      .split("\n")
      .filter((l) => /exited \(.*\); restarting/.test(l));
  }

  private async waitReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const healthy = async (url: string, test: (body: Record<string, unknown>) => boolean) => {
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
        return res.ok && test((await res.json()) as Record<string, unknown>);
      } catch {
        return false;
      }
    };
    for (;;) {
      if (this.child.exitCode !== null)
        throw new Error(`start.ts exited (${this.child.exitCode})\n${this.logs()}`);
      const ready = await Promise.all([
        healthy(`http://127.0.0.1:${PORTS.web}/api/health`, (b) => b.ok === true),
        healthy(`http://127.0.0.1:${PORTS.master}/health`, (b) => b.connections === 2),
        healthy(`http://127.0.0.1:${PORTS.media}/health`, (b) => b.ok === true),
        ...PORTS.slaves.map((p) => healthy(`http://127.0.0.1:${p}/health`, (b) => b.master === "connected")),
      ]);
      if (ready.every(Boolean)) return;
      if (Date.now() > deadline)
        throw new Error(`the system was not ready within ${timeoutMs} ms\n${this.logs()}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  /** Pid of every tier process (slaves by node id), read from /proc under start.ts. */
  pids(): TTierPids {
    const out: TTierPids = {};
    const pid = this.child.pid;
    if (pid === undefined) return out;
    for (const child of childrenOf(pid)) {
      let cmd = "";
      try {
        cmd = readFileSync(`/proc/${child}/cmdline`, "utf8").split("\0").join(" ");
      } catch {
        continue;
      }
      const script = Object.keys(TIER_SCRIPTS).find((s) => cmd.includes(s));
      if (!script) continue;
      const tier = TIER_SCRIPTS[script] ?? "?";
      const name = tier === "slave" ? (envOf(child, "CHAT_NODE_ID") ?? `slave-${child}`) : tier;
      out[name] = child;
    }
    return out;
  }

  async stop(): Promise<void> {
    const tiers = Object.values(this.pids());
    if (this.child.exitCode === null) {
      const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
      this.child.kill("SIGTERM");
      const timer = setTimeout(() => this.child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    }
    // Anything the supervisor could not stop (it was killed) goes by its own pid.
    for (const pid of tiers) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    rmSync(DATA_DIR, { recursive: true, force: true });
  }
}
