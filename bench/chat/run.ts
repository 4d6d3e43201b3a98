/** The chat benchmark's orchestration (see bench/chat.ts): targets, load workers, measurement, report. */
// First: points this process and the chat processes it starts at a brand-new SQLite file.
import "@/server/chat/test/fresh-db";
import { fork, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import type { TBenchConfig, TRowName } from "@/bench/chat";
import type { TClientSpec, TFromWorker, TRunResult, TToWorker } from "@/bench/chat/load-worker";
import { alive, cpuSeconds, machineCpu, memoryMb, sampleRss, type TProcRef } from "@/bench/chat/proc";
import { printReport, writeReport, type TRow, type TSkipped, type TJoinPhase } from "@/bench/chat/report";
import { Histogram, nowMs } from "@/bench/chat/stats";
import {
  redisAvailable,
  REDIS_SERVER,
  startPlain,
  startRawWs,
  startRedis,
  startTier,
  type TTarget,
} from "@/bench/chat/targets";

const SETTLE_MS = 2000;
const DRAIN_MS = 2000;

/** One rate of the run: the config every row function reads. */
export type TRowCfg = Omit<TBenchConfig, "senders"> & { rate: number; senders: number };

export const sendersFor = (cfg: TBenchConfig, rate: number) =>
  Math.min(cfg.clients, cfg.senders ?? Math.ceil(rate * 2.5));

type TWorker = { child: ChildProcess; ref: TProcRef; inbox: TFromWorker[]; waiters: (() => void)[] };

function startWorker(i: number): TWorker {
  const child = fork(path.join(import.meta.dirname, "load-worker.ts"), [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const w: TWorker = {
    child,
    ref: { name: `load-${i + 1}`, pid: child.pid!, role: "client" },
    inbox: [],
    waiters: [],
  };
  child.on("message", (msg: TFromWorker) => {
    w.inbox.push(msg);
    w.waiters.splice(0).forEach((fn) => fn());
  });
  child.on("exit", () => w.waiters.splice(0).forEach((fn) => fn()));
  return w;
}

async function receive<T extends TFromWorker["type"]>(
  w: TWorker,
  type: T,
  timeoutMs: number,
): Promise<Extract<TFromWorker, { type: T }>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const i = w.inbox.findIndex((m) => m.type === type);
    if (i >= 0) return w.inbox.splice(i, 1)[0] as Extract<TFromWorker, { type: T }>;
    if (w.child.exitCode !== null) throw new Error(`${w.ref.name} exited with ${w.child.exitCode}`);
    if (Date.now() > deadline) throw new Error(`${w.ref.name}: no ${type} within ${timeoutMs} ms`);
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, Math.max(0, deadline - Date.now()));
      w.waiters.push(() => (clearTimeout(t), resolve()));
    });
  }
}

function post(w: TWorker, msg: TToWorker): void {
  w.child.send(msg);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (v: number, d = 1) => Number(v.toFixed(d));

/**
 * Client i goes to group i % groups (round-robin over servers); the first `senders` clients are the
 * signed-in senders, so they spread evenly too; workers take alternate blocks so each has every group.
 */
function plan(cfg: TRowCfg, target: TTarget): { perWorker: TClientSpec[][]; groupSizes: number[] } {
  const groups = target.urls.length;
  const perWorker: TClientSpec[][] = Array.from({ length: cfg.workers }, () => []);
  const groupSizes = new Array<number>(groups).fill(0);
  for (let i = 0; i < cfg.clients; i++) {
    const group = i % groups;
    const sender = i < cfg.senders;
    const token = sender ? target.tokens[i] : undefined;
    perWorker[Math.floor(i / groups) % cfg.workers]!.push({
      url: target.urls[group]!,
      group,
      sender,
      ...(token ? { token } : {}),
    });
    groupSizes[group]! += 1;
  }
  return { perWorker, groupSizes };
}

/** Connects and joins every client; measures how long it took and what it cost the servers. */
async function connectClients(
  cfg: TRowCfg,
  target: TTarget,
  workers: TWorker[],
  perWorker: TClientSpec[][],
): Promise<TJoinPhase> {
  const cpuBefore = target.servers.map((p) => cpuSeconds(p.pid));
  const rssBefore = target.servers.map((p) => memoryMb(p.pid).rss);
  const started = nowMs();
  workers.forEach((w, i) => post(w, { type: "connect", roomId: target.roomId, clients: perWorker[i]! }));
  const ready = await Promise.all(workers.map((w) => receive(w, "ready", 180_000)));
  const connected = ready.reduce((s, r) => s + r.connected, 0);
  const failed = ready.reduce((s, r) => s + r.failed, 0);
  if (failed > 0)
    throw new Error(
      `${failed} of ${cfg.clients} clients failed to connect/join: ${ready.find((r) => r.firstError)?.firstError}`,
    );
  return {
    clients: connected,
    roomStatesReceived: ready.reduce((s, r) => s + (r.roomStates ?? 0), 0),
    seconds: round((nowMs() - started) / 1000, 2),
    serverCpuSeconds: round(
      target.servers.reduce((s, p, i) => s + cpuSeconds(p.pid) - cpuBefore[i]!, 0),
      2,
    ),
    rssPerViewerKb: await idleRssPerViewer(target, rssBefore, connected),
  };
}

/**
 * Server RSS the joined, idle clients added, per client: measured 3 s after the last join (after a GC has
 * had a chance), against the RSS just before the first connection. Only the first row of a target starts
 * from a process that never held clients, so that row's figure is the clean one.
 */
async function idleRssPerViewer(target: TTarget, before: number[], clients: number): Promise<number> {
  await sleep(3000);
  const after = target.servers.map((p) => memoryMb(p.pid).rss);
  const grown = after.reduce((s, mb, i) => s + mb - before[i]!, 0);
  return round((grown * 1024) / Math.max(1, clients), 1);
}

/** Each server's CPU over `seconds` with the clients joined and nothing sent: what idle viewers cost. */
async function measureIdle(target: TTarget, seconds: number): Promise<NonNullable<TJoinPhase["idle"]>> {
  const before = target.servers.map((p) => cpuSeconds(p.pid));
  const from = nowMs();
  await sleep(seconds * 1000);
  return {
    seconds,
    windowMonotonicMs: { from: round(from, 0), to: round(nowMs(), 0) },
    processes: target.servers.map((p, i) => ({
      name: p.name,
      cpuSeconds: round(cpuSeconds(p.pid) - before[i]!, 2),
      rssMb: round(memoryMb(p.pid).rss, 1),
    })),
  };
}

/** Waits, bounded, for a quieter machine; returns the load it settled for. */
async function waitForLoad(cfg: TRowCfg): Promise<void> {
  if (cfg.maxLoad === null) return;
  const deadline = Date.now() + cfg.loadWait * 1000;
  while (os.loadavg()[0]! >= cfg.maxLoad && Date.now() < deadline) await sleep(5000);
  if (os.loadavg()[0]! >= cfg.maxLoad)
    console.warn(`  load still ${os.loadavg()[0]!.toFixed(2)} after ${cfg.loadWait} s: measuring anyway`);
}

/**
 * Asks every server's GET /health `hz` times a second (10 by default): the answer time is how long that
 * process's event loop left a request waiting (a loop blocked by a synchronous wait shows here even when its
 * CPU is low). Each probe is an HTTP request the server pays for: 0 turns the probe off.
 */
function probeHealth(
  procs: TProcRef[],
  hz: number,
): { stop: () => Promise<Map<number, { p99: number; max: number }>> } {
  const hist = new Map(procs.filter((p) => p.healthUrl).map((p) => [p.pid, new Histogram()]));
  const inflight: Promise<void>[] = [];
  if (hz === 0) return { stop: () => Promise.resolve(new Map()) };
  const timer = setInterval(() => {
    for (const p of procs) {
      const h = hist.get(p.pid);
      if (!p.healthUrl || !h) continue;
      const t0 = nowMs();
      inflight.push(
        fetch(p.healthUrl, { signal: AbortSignal.timeout(10_000) }).then(
          async (r) => void (await r.arrayBuffer(), h.add(nowMs() - t0)),
          () => h.add(nowMs() - t0),
        ),
      );
    }
  }, 1000 / hz);
  return {
    stop: async () => {
      clearInterval(timer);
      await Promise.all(inflight);
      return new Map([...hist].map(([pid, h]) => [pid, { p99: round(h.percentile(99)), max: round(h.max) }]));
    },
  };
}

/** Fails the row, with the process's last output, when a server or a load worker has died. */
function assertAlive(procs: TProcRef[], when: string): void {
  const dead = procs.find((p) => !alive(p.pid));
  if (dead) throw new Error(`${dead.name} (pid ${dead.pid}) is gone ${when}:\n${dead.logs?.() ?? ""}`);
}

/** One measured window on connected clients. */
async function measure(
  cfg: TRowCfg,
  name: TRowName,
  label: string,
  target: TTarget,
  workers: TWorker[],
  perWorker: TClientSpec[][],
  groupSizes: number[],
  separated: boolean,
): Promise<TRow> {
  const runId = randomBytes(3).toString("hex");
  const startAt = nowMs() + 1000;
  const from = startAt + cfg.warmup * 1000;
  const to = from + cfg.seconds * 1000;
  workers.forEach((w, i) => {
    const share = perWorker[i]!.filter((c) => c.sender).length / cfg.senders;
    post(w, {
      type: "run",
      runId,
      startAt,
      warmupMs: cfg.warmup * 1000,
      durationMs: cfg.seconds * 1000,
      drainMs: DRAIN_MS,
      ratePerSecond: cfg.rate * share,
      phase: i / cfg.workers,
    });
  });
  const procs = [...target.servers, ...workers.map((w) => w.ref)];
  const logMark = new Map(target.servers.map((p) => [p.pid, p.logs?.().length ?? 0]));
  await sleep(from - nowMs());
  assertAlive(procs, "at the start of the window");
  const load1Start = os.loadavg()[0]!;
  const machineBefore = machineCpu();
  const ownBefore = process.cpuUsage();
  const before = procs.map((p) => cpuSeconds(p.pid));
  const rss = sampleRss(procs);
  const health = probeHealth(procs, cfg.probeHz);
  await sleep(to - nowMs());
  assertAlive(procs, "at the end of the window");
  const after = procs.map((p) => cpuSeconds(p.pid));
  const machineAfter = machineCpu();
  const own = process.cpuUsage(ownBefore);
  const peaks = rss.stop();
  const healthMs = await health.stop();
  const load1End = os.loadavg()[0]!;
  // Warnings and errors the servers logged during the row (LOG_LEVEL=warn): a slave declared dead, a lost link...
  const serverLog = Object.fromEntries(
    target.servers
      .map((p) => [p.name, (p.logs?.() ?? "").slice(logMark.get(p.pid) ?? 0)] as const)
      .map(
        ([name, text]) =>
          [
            name,
            [
              ...new Set(
                text
                  .split("\n")
                  .filter(Boolean)
                  .map((l) => (/"msg":"([^"]*)"/.exec(l)?.[1] ?? l).slice(0, 120)),
              ),
            ],
          ] as const,
      )
      .filter(([, lines]) => lines.length > 0),
  );
  const results: TRunResult[] = await Promise.all(
    workers.map((w) => receive(w, "result", (cfg.warmup + cfg.seconds) * 1000 + 60_000)),
  );

  const latency = new Histogram();
  const ack = new Histogram();
  const okByGroup = new Array<number>(groupSizes.length).fill(0);
  const errors: Record<string, number> = {};
  let sent = 0;
  let deliveries = 0;
  let disconnects = 0;
  const disconnectReasons: Record<string, number> = {};
  for (const r of results) {
    latency.merge(r.latency);
    ack.merge(r.ack);
    r.okByGroup.forEach((n, g) => (okByGroup[g]! += n));
    for (const [code, n] of Object.entries(r.errors)) errors[code] = (errors[code] ?? 0) + n;
    sent += r.sent;
    deliveries += r.deliveries;
    disconnects += r.disconnects;
    for (const [why, n] of Object.entries(r.disconnectReasons))
      disconnectReasons[why] = (disconnectReasons[why] ?? 0) + n;
  }
  const acked = okByGroup.reduce((a, b) => a + b, 0);
  // Unseparated, every client of the room gets every message (its sender too); separated, only its group.
  const expected = separated ? okByGroup.reduce((s, n, g) => s + n * groupSizes[g]!, 0) : acked * cfg.clients;
  const processes = procs.map((p, i) => ({
    name: p.name,
    role: p.role,
    pid: p.pid,
    cpuSeconds: round(after[i]! - before[i]!, 2),
    cpuPercent: round(((after[i]! - before[i]!) / cfg.seconds) * 100, 1),
    peakRssMb: round(peaks.get(p.pid) ?? 0, 1),
    ...(healthMs.has(p.pid) ? { healthMs: healthMs.get(p.pid) } : {}),
  }));
  const serverCpu = processes.filter((p) => p.role === "server").reduce((s, p) => s + p.cpuSeconds, 0);
  const oursCpu = processes.reduce((s, p) => s + p.cpuSeconds, 0) + (own.user + own.system) / 1e6;
  const machineBusy = machineAfter.busy - machineBefore.busy;
  return {
    row: name,
    label,
    servers: target.servers.length,
    groups: groupSizes.length,
    clients: cfg.clients,
    senders: cfg.senders,
    ratePerSecond: cfg.rate,
    seconds: cfg.seconds,
    sent,
    acked,
    errors,
    expectedDeliveries: expected,
    deliveries,
    deliveredPercent: expected ? round((deliveries / expected) * 100, 2) : 0,
    deliveriesPerSecond: round(deliveries / cfg.seconds, 0),
    latencyMs: {
      p50: round(latency.percentile(50)),
      p95: round(latency.percentile(95)),
      p99: round(latency.percentile(99)),
      max: round(latency.max),
      mean: round(latency.mean()),
    },
    ackMs: { p50: round(ack.percentile(50)), p99: round(ack.percentile(99)) },
    processes,
    serverCpuSeconds: round(serverCpu, 2),
    deliveriesPerServerCpuSecond: serverCpu > 0 ? round(deliveries / serverCpu, 0) : 0,
    peakServerRssMb: round(
      processes.filter((p) => p.role === "server").reduce((s, p) => s + p.peakRssMb, 0),
      1,
    ),
    clientLoopDelayP99Ms: round(Math.max(...results.map((r) => r.loopDelayP99Ms))),
    disconnects,
    disconnectReasons,
    serverLog,
    // CLOCK_MONOTONIC ms, the clock of V8 CPU profiles (µs there): cut a BENCH_CPU_PROF profile to the window.
    windowMonotonicMs: { from: round(from, 0), to: round(to, 0) },
    machine: {
      load1Start: round(load1Start, 2),
      load1End: round(load1End, 2),
      busyCores: round(machineBusy / cfg.seconds, 2),
      // CPU the rest of the machine (other people's builds and tests) used during the window.
      othersCores: round(Math.max(0, machineBusy - oursCpu) / cfg.seconds, 2),
    },
  };
}

type TPlanEntry = {
  start: () => Promise<TTarget>;
  modes: { name: TRowName; label: (t: TTarget) => string; separation?: "ON" | "OFF" }[];
};

export async function runBench(cfg: TBenchConfig, fileLimit: number): Promise<void> {
  const started = new Date();
  const maxSenders = Math.max(...cfg.rates.map((r) => sendersFor(cfg, r)));
  console.log(
    `chat bench: ${cfg.clients} clients, ${cfg.rates.join(" and ")} msg/s (senders ${cfg.rates.map((r) => sendersFor(cfg, r)).join("/")}), ${cfg.seconds} s (+${cfg.warmup} s warm-up), ` +
      `${cfg.slaves} slaves, ${cfg.workers} load workers; rows ${cfg.rows.join(", ")}; open files ${fileLimit}; load ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
  );
  const entries: TPlanEntry[] = [];
  const skipped: TSkipped[] = [];
  if (cfg.rows.includes("plain"))
    entries.push({ start: startPlain, modes: [{ name: "plain", label: (t) => t.label }] });
  if (cfg.rows.includes("redis")) {
    if (redisAvailable())
      entries.push({
        start: () => startRedis(cfg.slaves),
        modes: [{ name: "redis", label: (t) => t.label }],
      });
    else {
      const reason = `redis-server not found at ${REDIS_SERVER} (apt-get install redis-server): Redis-adapter row skipped`;
      console.warn(reason);
      skipped.push({ row: "redis", reason });
    }
  }
  if (cfg.rows.includes("raw-ws"))
    entries.push({ start: startRawWs, modes: [{ name: "raw-ws", label: (t) => t.label }] });
  const tierModes = (["tier-off", "tier-on"] as const).filter((r) => cfg.rows.includes(r));
  if (tierModes.length)
    entries.push({
      start: () => startTier(cfg.slaves, maxSenders),
      modes: tierModes.map((name) => {
        const separation = name === "tier-on" ? ("ON" as const) : ("OFF" as const);
        return { name, separation, label: (t: TTarget) => `${t.label}, separation ${separation}` };
      }),
    });

  const rows: TRow[] = [];
  const failed: TSkipped[] = [];
  const joins: Record<string, TJoinPhase> = {};
  for (const entry of entries) {
    const target = await entry.start();
    try {
      for (const rate of cfg.rates) {
        const rc: TRowCfg = { ...cfg, rate, senders: sendersFor(cfg, rate) };
        const { perWorker, groupSizes } = plan(rc, target);
        for (const mode of entry.modes) {
          const key = `${mode.name}@${rate}`;
          if (mode.separation && target.setSeparation) {
            const pushed = await target.setSeparation(mode.separation);
            if (!pushed)
              throw new Error(`separation ${mode.separation} was stored but not pushed to the slaves`);
          }
          // Fresh clients for every row: one row's disconnects must not leak into the next one's figures.
          await waitForLoad(rc);
          const workers = Array.from({ length: cfg.workers }, (_, i) => startWorker(i));
          try {
            const join = await connectClients(rc, target, workers, perWorker);
            joins[key] = join;
            console.log(
              `  ${mode.label(target)} @ ${rate} msg/s: ${join.clients} clients joined in ${join.seconds} s (server CPU ${join.serverCpuSeconds} s, ${join.rssPerViewerKb} KB RSS per idle client)`,
            );
            await sleep(cfg.settle * 1000);
            if (cfg.idle > 0) join.idle = await measureIdle(target, cfg.idle);
            const row = await measure(
              rc,
              mode.name,
              mode.label(target),
              target,
              workers,
              perWorker,
              groupSizes,
              mode.separation === "ON",
            );
            rows.push(row);
            console.log(
              `  ${key}: ${row.deliveriesPerSecond} deliveries/s (${row.deliveredPercent}% of expected), p50/p95/p99 ${row.latencyMs.p50}/${row.latencyMs.p95}/${row.latencyMs.p99} ms, ` +
                `server CPU ${row.serverCpuSeconds} s, ${row.deliveriesPerServerCpuSecond} deliveries/CPU-s, load ${row.machine.load1Start}→${row.machine.load1End}` +
                (row.disconnects
                  ? `, ${row.disconnects} disconnects ${JSON.stringify(row.disconnectReasons)}`
                  : ""),
            );
          } catch (err) {
            const reason = err instanceof Error ? err.message : String(err);
            console.error(`  ${key} FAILED: ${reason}`);
            failed.push({ row: mode.name, reason: `@${rate} msg/s: ${reason}` });
          } finally {
            await Promise.all(
              workers.map(async (w) => {
                if (w.child.exitCode !== null) return;
                post(w, { type: "close" });
                await receive(w, "closed", 10_000).catch(() => w.child.kill("SIGKILL"));
              }),
            );
            // Let the servers see the sockets go before the next row connects.
            await sleep(SETTLE_MS);
          }
        }
      }
    } finally {
      await target.stop();
    }
  }
  const report = { cfg, started, finished: new Date(), rows, skipped, failed, joins };
  printReport(report);
  writeReport(report, cfg.out);
}
