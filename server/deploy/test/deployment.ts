/**
 * OnAir's tiers as an operator runs them on several hosts, here as separate processes each bound to its
 * own loopback address (Linux routes all of 127.0.0.0/8 to lo): two chat masters (one active by lease,
 * one standby), N slaves that know both masters, and optionally the web tier, all on one database.
 * Import "@/server/chat/test/fresh-db" first in the test file: it picks that database.
 */
import { freePortOn, killProc, spawnTsx, waitHealthy, type TNodeProc } from "@/server/test/node-process";

export const MASTER_HOSTS = ["127.0.0.2", "127.0.0.3"] as const;
export const SLAVE_HOSTS = ["127.0.0.4", "127.0.0.5", "127.0.0.6", "127.0.0.7"] as const;
export const WEB_HOST = "127.0.0.8";

type TProc = TNodeProc & { host: string; port: number };
export type THealth = {
  ok: boolean;
  active?: boolean;
  connections: number;
  master?: string;
  masterUrl?: string;
};

export async function health(url: string, timeoutMs = 500): Promise<THealth | null> {
  try {
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(timeoutMs) });
    return res.ok ? ((await res.json()) as THealth) : null;
  } catch {
    return null;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class Deployment {
  private constructor(
    readonly masters: TProc[],
    readonly slaves: TProc[],
    readonly web: TProc,
  ) {}

  /** Starts both masters and `slaveCount` slaves, and waits until one master is active with every slave. */
  static async start(slaveCount: number): Promise<Deployment> {
    if (slaveCount > SLAVE_HOSTS.length) throw new Error(`at most ${SLAVE_HOSTS.length} slaves`);
    const proc = async (name: string, host: string): Promise<TProc> => ({
      name,
      host,
      port: await freePortOn(host),
      child: null,
      output: [],
    });
    const masters = [await proc("master-a", MASTER_HOSTS[0]), await proc("master-b", MASTER_HOSTS[1])];
    const slaves: TProc[] = [];
    for (let i = 0; i < slaveCount; i++)
      slaves.push(await proc(`node-${i + 1}`, SLAVE_HOSTS[i] ?? "127.0.0.1"));
    const d = new Deployment(masters, slaves, await proc("web", WEB_HOST));
    // Master A first, so it is the one that takes the lease; B becomes standby.
    await d.startMaster(0);
    await d.waitForActive(10_000);
    await Promise.all([d.startMaster(1), ...slaves.map((_, i) => d.startSlave(i))]);
    await d.waitForSlaves(slaveCount, 15_000);
    return d;
  }

  masterUrl(i: number): string {
    const m = this.pick(this.masters, i);
    return `http://${m.host}:${m.port}`;
  }

  get masterUrls(): string[] {
    return this.masters.map((_, i) => this.masterUrl(i));
  }

  slaveUrl(i: number): string {
    const s = this.pick(this.slaves, i);
    return `http://${s.host}:${s.port}`;
  }

  nodeId(i: number): string {
    return this.pick(this.slaves, i).name;
  }

  get webUrl(): string {
    return `http://${this.web.host}:${this.web.port}`;
  }

  async startMaster(i: number): Promise<void> {
    const m = this.pick(this.masters, i);
    this.spawn(m, "server/chat/master/main.ts", {
      CHAT_MASTER_HOST: m.host,
      CHAT_MASTER_PORT: String(m.port),
    });
    await waitHealthy(m, this.masterUrl(i));
  }

  async startSlave(i: number): Promise<void> {
    const s = this.pick(this.slaves, i);
    this.spawn(s, "server/chat/slave/main.ts", {
      CHAT_SLAVE_HOST: s.host,
      CHAT_SLAVE_PORT: String(s.port),
      CHAT_NODE_ID: s.name,
      CHAT_SLAVE_PUBLIC_URL: this.slaveUrl(i),
      CHAT_MASTER_URLS: this.masterUrls.join(","),
    });
    await waitHealthy(s, this.slaveUrl(i));
  }

  /** The web tier (needs a `next build`): HOST/PORT on its own address, both masters. */
  async startWeb(): Promise<void> {
    this.spawn(this.web, "server/web/main.ts", {
      NODE_ENV: "production",
      HOST: this.web.host,
      PORT: String(this.web.port),
      PUBLIC_URL: this.webUrl,
      CHAT_MASTER_URLS: this.masterUrls.join(","),
      NEXT_TELEMETRY_DISABLED: "1",
    });
    await waitHealthy(this.web, this.webUrl, { timeoutMs: 60_000 });
  }

  killMaster(i: number, signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
    return killProc(this.pick(this.masters, i), signal);
  }

  killSlave(i: number, signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
    return killProc(this.pick(this.slaves, i), signal);
  }

  /** Index of the master whose /health says active, or null. */
  async activeMaster(): Promise<number | null> {
    const states = await Promise.all(this.masters.map((_, i) => health(this.masterUrl(i))));
    const i = states.findIndex((h) => h?.active === true);
    return i >= 0 ? i : null;
  }

  async waitForActive(timeoutMs: number): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const i = await this.activeMaster();
      if (i !== null) return i;
      if (Date.now() > deadline) throw new Error(`no active master after ${timeoutMs} ms\n${this.logs()}`);
      await sleep(20);
    }
  }

  /** Waits until an active master lists `count` live slaves; returns its index. */
  async waitForSlaves(count: number, timeoutMs = 10_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (let i = 0; i < this.masters.length; i++) {
        const h = await health(this.masterUrl(i), 300);
        if (h?.active && h.connections === count) return i;
      }
      if (Date.now() > deadline)
        throw new Error(`no active master with ${count} slaves after ${timeoutMs} ms\n${this.logs()}`);
      await sleep(20);
    }
  }

  logs(): string {
    return [...this.masters, ...this.slaves, this.web]
      .filter((p) => p.output.length > 0)
      .map((p) => `--- ${p.name} (${p.host}:${p.port})\n${p.output.join("").slice(-4000)}`)
      .join("\n");
  }

  async stop(): Promise<void> {
    await Promise.all([...this.masters, ...this.slaves, this.web].map((p) => killProc(p, "SIGTERM")));
  }

  private pick(list: TProc[], i: number): TProc {
    const p = list[i];
    if (!p) throw new Error(`no process ${i}`);
    return p;
  }

  private spawn(proc: TProc, file: string, extraEnv: Record<string, string>): void {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      LOG_LEVEL: process.env.CHAT_TEST_LOG_LEVEL ?? "warn",
      ...extraEnv,
    };
    if (extraEnv.CHAT_MASTER_URLS) delete env.CHAT_MASTER_URL;
    spawnTsx(proc, file, env);
  }
}
