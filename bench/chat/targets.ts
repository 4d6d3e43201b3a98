/**
 * The systems under test, each as separate server processes on loopback ports >= 4000: the OnAir chat
 * tier (master + slaves, through the integration tests' Cluster), one plain Socket.IO server, and Socket.IO
 * servers joined by the Redis adapter with a Debian redis-server.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import bcrypt from "bcryptjs";
import { Cluster } from "@/server/chat/test/cluster";
import { freePortOn } from "@/server/test/node-process";
import { createSession } from "@/server/auth/sessions";
import { updateChatSettings } from "@/server/chat/moderation/update-chat-settings";
import { db } from "@/server/db";
import type { TProcRef } from "@/bench/chat/proc";

const ROOT = path.resolve(import.meta.dirname, "../..");
export const REDIS_SERVER = process.env.REDIS_SERVER ?? "/usr/bin/redis-server";

export type TTarget = {
  label: string;
  roomId: string;
  /** One URL per group of clients (a slave, a server). */
  urls: string[];
  servers: TProcRef[];
  /** Session tokens for the senders (baselines take anyone). */
  tokens: string[];
  setSeparation?: (mode: "ON" | "OFF") => Promise<boolean>;
  stop: () => Promise<void>;
};

/** A port handed out by the OS, refusing anything below 4000 (other benches and dev servers live there). */
async function benchPort(): Promise<number> {
  for (let i = 0; i < 20; i++) {
    const port = await freePortOn("127.0.0.1");
    if (port >= 4000) return port;
  }
  throw new Error("no free port >= 4000");
}

async function waitHealthy(
  url: string,
  child: ChildProcess,
  output: string[],
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url} exited with ${child.exitCode}:\n${output.join("")}`);
    const ok = await fetch(`${url}/health`, { signal: AbortSignal.timeout(500) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} never became healthy:\n${output.join("")}`);
}

/**
 * Preloaded into server processes (NODE_OPTIONS=--import; Node refuses --cpu-prof there): profiles the
 * whole process life and writes $BENCH_CPU_PROF/<node>-<pid>.cpuprofile on exit. In-process inspector
 * sessions answer synchronously, so the profile is still written inside the exit handler.
 */
const PROFILE_PRELOAD = `
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import path from "node:path";
const session = new Session();
session.connect();
session.post("Profiler.enable");
session.post("Profiler.setSamplingInterval", { interval: 500 });
session.post("Profiler.start");
process.on("exit", () => {
  session.post("Profiler.stop", (err, res) => {
    if (err) return;
    const name = (process.env.CHAT_NODE_ID ?? process.env.BASELINE_NODE_ID ?? process.env.ONAIR_ROLE ?? "node") + "-" + process.pid;
    writeFileSync(path.join(process.env.BENCH_CPU_PROF, name + ".cpuprofile"), JSON.stringify(res.profile));
  });
});
`;

/** BENCH_CPU_PROF=<dir>: every server process writes a V8 CPU profile there when it stops. */
function profileOptions(): Record<string, string> {
  const dir = process.env.BENCH_CPU_PROF;
  if (!dir) return {};
  const preload = path.join(os.tmpdir(), "onair-bench-cpu-profile.mjs");
  writeFileSync(preload, PROFILE_PRELOAD);
  return {
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${preload}`.trim(),
    BENCH_CPU_PROF: path.resolve(dir),
  };
}

function spawnProc(
  cmd: string,
  args: string[],
  env: Record<string, string>,
): { child: ChildProcess; output: string[] } {
  const child = spawn(cmd, args, {
    cwd: ROOT,
    env: { ...process.env, ...profileOptions(), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 100) output.shift();
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return { child, output };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 5000);
    child.once("exit", () => (clearTimeout(force), resolve()));
    child.kill("SIGTERM");
  });
}

async function startBaselineProcs(
  file: string,
  count: number,
  env: Record<string, string>,
): Promise<{ urls: string[]; servers: TProcRef[]; children: ChildProcess[] }> {
  const urls: string[] = [];
  const servers: TProcRef[] = [];
  const children: ChildProcess[] = [];
  for (let i = 0; i < count; i++) {
    const port = await benchPort();
    const name = `${path.basename(file, ".ts")}-${i + 1}`;
    const { child, output } = spawnProc(process.execPath, ["--import", "tsx", file], {
      ...env,
      BASELINE_PORT: String(port),
      BASELINE_NODE_ID: name,
    });
    children.push(child);
    const url = `http://127.0.0.1:${port}`;
    await waitHealthy(url, child, output);
    urls.push(url);
    servers.push({
      name,
      pid: child.pid!,
      role: "server",
      logs: () => output.join(""),
      healthUrl: `${url}/health`,
    });
  }
  return { urls, servers, children };
}

/** One baseline server process (no auth, room "bench"): the rows that show what the protocol itself costs. */
async function startSingleBaseline(file: string, label: string): Promise<TTarget> {
  const { urls, servers, children } = await startBaselineProcs(file, 1, {});
  return {
    label,
    roomId: "bench",
    urls,
    servers,
    tokens: [],
    stop: () => Promise.all(children.map(stopChild)).then(() => undefined),
  };
}

export const startPlain = () =>
  startSingleBaseline("bench/baselines/plain-socketio.ts", "plain Socket.IO, 1 process");

export const startRawWs = () =>
  startSingleBaseline("bench/baselines/raw-ws.ts", "raw ws (same wire protocol, frame once), 1 process");

export async function startRedis(servers: number): Promise<TTarget> {
  const port = await benchPort();
  const redis = spawnProc(
    REDIS_SERVER,
    [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--appendonly",
      "no",
      "--protected-mode",
      "yes",
    ],
    {},
  );
  const deadline = Date.now() + 10_000;
  while (!redis.output.join("").includes("Ready to accept connections")) {
    if (redis.child.exitCode !== null || Date.now() > deadline)
      throw new Error(`redis-server did not start:\n${redis.output.join("")}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  try {
    const procs = await startBaselineProcs("bench/baselines/redis-socketio.ts", servers, {
      REDIS_URL: `redis://127.0.0.1:${port}`,
    });
    return {
      label: `Socket.IO + @socket.io/redis-adapter, ${servers} processes + redis-server`,
      roomId: "bench",
      urls: procs.urls,
      servers: [
        ...procs.servers,
        { name: "redis-server", pid: redis.child.pid!, role: "server", logs: () => redis.output.join("") },
      ],
      tokens: [],
      stop: async () => {
        await Promise.all(procs.children.map(stopChild));
        await stopChild(redis.child);
      },
    };
  } catch (err) {
    await stopChild(redis.child);
    throw err;
  }
}

export function redisAvailable(): boolean {
  return existsSync(REDIS_SERVER);
}

/** Bench users signed up directly in the DB (bcrypt hash, like sign-up) with a session each. */
async function benchUsers(count: number): Promise<string[]> {
  const passwordHash = await bcrypt.hash("bench-password-1", 10);
  const run = Date.now().toString(36);
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    const user = await db.user.create({
      data: {
        email: `bench-${run}-${i}@bench.onair.test`,
        name: `Bench viewer ${i}`,
        role: "SHOPPER",
        passwordHash,
      },
    });
    tokens.push((await createSession(user.id)).token);
  }
  return tokens;
}

/** The OnAir chat tier on a fresh DB: a master and `slaves` slaves; the demo room's separation set OFF. */
export async function startTier(slaves: number, senders: number): Promise<TTarget> {
  // The cluster passes this process's env to the chat processes: profile options go in only while it starts them.
  const saved = process.env.NODE_OPTIONS;
  Object.assign(process.env, profileOptions());
  const cluster = await Cluster.start(slaves).finally(() => {
    if (saved === undefined) delete process.env.NODE_OPTIONS;
    else process.env.NODE_OPTIONS = saved;
  });
  try {
    const ports = [cluster.master.port, ...cluster.slaves.map((s) => s.port)];
    if (ports.some((p) => p < 4000)) throw new Error(`cluster took a port below 4000: ${ports.join(", ")}`);
    const tokens = await benchUsers(senders);
    const admin = cluster.users.admin;
    const setSeparation = async (mode: "ON" | "OFF") =>
      (await updateChatSettings(admin, cluster.roomId, { separation: mode })).pushed;
    // The demo room is AUTO above 1000 viewers: pin it OFF so the first row is unseparated whatever N is.
    await setSeparation("OFF");
    const pid = (p: { child: ChildProcess | null }) => p.child?.pid ?? 0;
    return {
      label: `OnAir chat tier, master + ${slaves} slaves`,
      roomId: cluster.roomId,
      urls: cluster.slaves.map((_, i) => cluster.slaveUrl(i)),
      servers: [
        {
          name: "master",
          pid: pid(cluster.master),
          role: "server",
          logs: () => cluster.master.output.join(""),
          healthUrl: `${cluster.masterUrl}/health`,
        },
        ...cluster.slaves.map((s, i) => ({
          name: s.name,
          pid: pid(s),
          role: "server" as const,
          logs: () => s.output.join(""),
          healthUrl: `${cluster.slaveUrl(i)}/health`,
        })),
      ],
      tokens,
      setSeparation,
      stop: () => cluster.stop(),
    };
  } catch (err) {
    await cluster.stop();
    throw err;
  }
}
