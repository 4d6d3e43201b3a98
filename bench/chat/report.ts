/** The chat benchmark's table and JSON file. */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TBenchConfig, TRowName } from "@/bench/chat";

export type TProcessFigures = {
  name: string;
  role: "server" | "client";
  pid: number;
  cpuSeconds: number;
  cpuPercent: number;
  peakRssMb: number;
  /** GET /health answer time during the window (event-loop responsiveness). */
  healthMs?: { p99: number; max: number };
};

export type TRow = {
  row: TRowName;
  label: string;
  servers: number;
  groups: number;
  clients: number;
  senders: number;
  ratePerSecond: number;
  seconds: number;
  sent: number;
  acked: number;
  errors: Record<string, number>;
  expectedDeliveries: number;
  deliveries: number;
  deliveredPercent: number;
  deliveriesPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
  ackMs: { p50: number; p99: number };
  processes: TProcessFigures[];
  serverCpuSeconds: number;
  deliveriesPerServerCpuSecond: number;
  peakServerRssMb: number;
  clientLoopDelayP99Ms: number;
  disconnects: number;
  disconnectReasons: Record<string, number>;
  /** Distinct warning/error messages each server logged during the row. */
  serverLog: Record<string, readonly string[]>;
  windowMonotonicMs: { from: number; to: number };
  machine: { load1Start: number; load1End: number; busyCores: number; othersCores: number };
};
export type TSkipped = { row: TRowName; reason: string };
export type TJoinPhase = {
  clients: number;
  seconds: number;
  serverCpuSeconds: number;
  roomStatesReceived: number;
  rssPerViewerKb: number;
  /** --idle: each server's CPU over that many seconds with every client joined and nothing sent. */
  idle?: {
    seconds: number;
    windowMonotonicMs: { from: number; to: number };
    processes: { name: string; cpuSeconds: number; rssMb: number }[];
  };
};
export type TReport = {
  cfg: TBenchConfig;
  started: Date;
  finished: Date;
  rows: TRow[];
  skipped: TSkipped[];
  failed: TSkipped[];
  joins: Record<string, TJoinPhase>;
};

const P99_TARGET_MS = 50;
const PLAIN_RATIO_TARGET = 1.2;
const JOIN_CPU_TARGET_S = 1.5;

const at = (report: TReport, row: TRowName, rate: number) =>
  report.rows.find((r) => r.row === row && r.ratePerSecond === rate);

/**
 * Issue 13's targets, at the first rate of the run (20 msg/s by default): the tier with separation OFF
 * delivers ≥ 1.2× one plain Socket.IO node's deliveries per server CPU-second with p99 ≤ 50 ms and
 * everything delivered; separation ON at least as efficient per delivery; 1,000 joins ≤ 1.5 CPU-s.
 */
export function targets(report: TReport) {
  const rate = report.cfg.rates[0]!;
  const off = at(report, "tier-off", rate);
  const on = at(report, "tier-on", rate);
  const plain = at(report, "plain", rate);
  const join = report.joins[`tier-off@${rate}`];
  const ratio =
    off && plain
      ? Number((off.deliveriesPerServerCpuSecond / plain.deliveriesPerServerCpuSecond).toFixed(2))
      : null;
  return {
    rate,
    offP99Within50Ms: off ? off.latencyMs.p99 <= P99_TARGET_MS : null,
    offAllDelivered: off ? off.deliveredPercent >= 100 : null,
    offVsPlainDeliveriesPerCpu: ratio,
    offAtLeast1_2xPlain: ratio === null ? null : ratio >= PLAIN_RATIO_TARGET,
    onAtLeastOffPerDelivery:
      off && on ? on.deliveriesPerServerCpuSecond >= off.deliveriesPerServerCpuSecond : null,
    joinCpuSecondsPer1000: join ? Number(((join.serverCpuSeconds * 1000) / join.clients).toFixed(2)) : null,
    joinWithin1_5CpuS: join ? (join.serverCpuSeconds * 1000) / join.clients <= JOIN_CPU_TARGET_S : null,
  };
}

function table(head: string[], body: (string | number)[][]): string {
  const cells = [head, ...body.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(cells[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join(
    "\n",
  );
}

export function printReport(report: TReport): void {
  const { cfg } = report;
  console.log(
    `\nChat benchmark: ${cfg.clients} clients in one room, ${cfg.rates.join(" and ")} messages/s in, ${cfg.seconds} s per row`,
  );
  console.log(`${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), Node ${process.version}\n`);
  console.log(
    table(
      [
        "row",
        "msg/s",
        "deliveries/s",
        "delivered",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "max ms",
        "server CPU s",
        "deliveries/CPU-s",
        "server RSS MB",
        "load1",
        "others' cores",
      ],
      report.rows.map((r) => [
        r.row,
        r.ratePerSecond,
        r.deliveriesPerSecond,
        `${r.deliveredPercent}%`,
        r.latencyMs.p50,
        r.latencyMs.p95,
        r.latencyMs.p99,
        r.latencyMs.max,
        r.serverCpuSeconds,
        r.deliveriesPerServerCpuSecond,
        r.peakServerRssMb,
        `${r.machine.load1Start}→${r.machine.load1End}`,
        r.machine.othersCores,
      ]),
    ),
  );
  console.log(
    "\nPer process (CPU seconds over the window, % of one core, peak RSS, GET /health answer time):\n",
  );
  console.log(
    table(
      ["row", "process", "CPU s", "CPU %", "peak RSS MB", "/health p99 ms", "/health max ms"],
      report.rows.flatMap((r) =>
        r.processes.map((p) => [
          `${r.row}@${r.ratePerSecond}`,
          `${p.name}${p.role === "client" ? " (load generator)" : ""}`,
          p.cpuSeconds,
          p.cpuPercent,
          p.peakRssMb,
          p.healthMs?.p99 ?? "",
          p.healthMs?.max ?? "",
        ]),
      ),
    ),
  );
  for (const r of report.rows) {
    const errs = Object.entries(r.errors);
    if (errs.length || r.disconnects)
      console.log(
        `${r.row}: send errors ${JSON.stringify(r.errors)}, disconnects ${JSON.stringify(r.disconnectReasons)}`,
      );
    for (const [name, lines] of Object.entries(r.serverLog))
      console.log(`${r.row}: ${name} logged: ${lines.slice(0, 5).join(" | ")}`);
  }
  for (const s of report.skipped) console.log(`SKIPPED ${s.row}: ${s.reason}`);
  for (const f of report.failed) console.log(`FAILED ${f.row}: ${f.reason.split("\n")[0]}`);
  console.log(
    "\nJoins (all clients of a row, before its window): wall time, server CPU, idle RSS each client added:\n",
  );
  console.log(
    table(
      ["row", "clients", "seconds", "server CPU s", "KB RSS per idle client"],
      Object.entries(report.joins).map(([key, j]) => [
        key,
        j.clients,
        j.seconds,
        j.serverCpuSeconds,
        j.rssPerViewerKb,
      ]),
    ),
  );
  const idle = Object.entries(report.joins).filter(([, j]) => j.idle);
  if (idle.length) {
    console.log(
      "\nIdle (clients joined, nothing sent): each server's CPU over the idle seconds, RSS at the end:\n",
    );
    console.log(
      table(
        ["row", "clients", "seconds", "process", "CPU s", "CPU %", "RSS MB"],
        idle.flatMap(([key, j]) =>
          j.idle!.processes.map((p) => [
            key,
            j.clients,
            j.idle!.seconds,
            p.name,
            p.cpuSeconds,
            Number(((p.cpuSeconds / j.idle!.seconds) * 100).toFixed(1)),
            p.rssMb,
          ]),
        ),
      ),
    );
  }
  console.log(`\nTargets: ${JSON.stringify(targets(report))}`);
}

/** The commit measured, and chat-tier files that differed from it (the tree is shared with other work). */
function gitState(): { commit: string; uncommittedChatFiles: string[] } {
  const git = (...args: string[]) => execFileSync("git", args, { encoding: "utf8" }).trim();
  try {
    const dirty = git(
      "status",
      "--porcelain",
      "--",
      "server/chat",
      "lib/chat",
      "server/db.ts",
      "server/auth",
    );
    return {
      commit: git("rev-parse", "HEAD"),
      uncommittedChatFiles: dirty ? dirty.split("\n").map((l) => l.slice(3)) : [],
    };
  } catch {
    return { commit: "unknown", uncommittedChatFiles: [] };
  }
}

export function writeReport(report: TReport, out: string): void {
  const file = path.resolve(out);
  mkdirSync(path.dirname(file), { recursive: true });
  const body = {
    at: report.started.toISOString(),
    durationSeconds: Math.round((report.finished.getTime() - report.started.getTime()) / 1000),
    command: `npm run bench:chat -- --clients ${report.cfg.clients} --slaves ${report.cfg.slaves} --rates ${report.cfg.rates.join(",")} --seconds ${report.cfg.seconds} --rows ${report.cfg.rows.join(",")}${report.cfg.idle ? ` --idle ${report.cfg.idle}` : ""}${report.cfg.probeHz !== 10 ? ` --probe-hz ${report.cfg.probeHz}` : ""}`,
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model ?? null,
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      loadavgAtEnd: os.loadavg().map((l) => Number(l.toFixed(2))),
    },
    git: gitState(),
    config: report.cfg,
    targets: targets(report),
    rows: report.rows,
    skipped: report.skipped,
    failed: report.failed,
    joinPhase: report.joins,
  };
  writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
  console.log(`\nwrote ${path.relative(process.cwd(), file)}`);
}
