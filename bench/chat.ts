/**
 * Chat benchmark: one room, N clients spread over the servers, M messages/s in total from signed-in
 * clients, for a fixed time; the OnAir chat tier with separation OFF and ON, and on the same load two
 * baselines: one plain Socket.IO server, and Socket.IO servers joined by @socket.io/redis-adapter.
 * Prints a table (deliveries/s, end-to-end latency, CPU seconds and peak RSS of every server process,
 * deliveries per server CPU-second) and writes bench/results/chat.json. Not part of `npm test`.
 *
 *   npm run bench:chat
 *   npm run bench:chat -- --clients 1000 --slaves 2 --rates 20,200 --seconds 30 --rows plain,redis,raw-ws,tier-off,tier-on
 *
 * Options (or env): --clients BENCH_CLIENTS (1000, ≤ 20,000), --slaves BENCH_SLAVES (2, ≤ 8; the Redis
 * baseline uses as many servers), --rates BENCH_RATES (20,200: every row at each total rate in messages/s,
 * ≤ 400; --rate N runs one rate), --seconds BENCH_SECONDS
 * (30 measured, ≤ 300), --warmup BENCH_WARMUP (3 s sent before the window), --settle BENCH_SETTLE (2 s
 * idle between the last join and the warm-up), --idle BENCH_IDLE (0 s: after the settle, server CPU measured this
 * long with every client joined and nothing sent, ≤ 120: what idle viewers cost), --probe-hz BENCH_PROBE_HZ (10:
 * GET /health of every server this often in the window, 0 = not at all; each probe costs the server an HTTP
 * request, and the tier has three servers to the plain row's one), --senders BENCH_SENDERS
 * (2.5 per message/s: the contract's rate limit is 1 message/s per user), --workers BENCH_WORKERS (2
 * load-generator processes, ≤ 2), --rows BENCH_ROWS, --out BENCH_OUT, --max-load BENCH_MAX_LOAD (wait before
 * each row until the 1-minute load average is below it, at most --load-wait BENCH_LOAD_WAIT s, 300: the
 * machine is shared, and other work on its 2 cores shows in every latency figure).
 * Everything listens on 127.0.0.1, ports >= 4000. redis-server: REDIS_SERVER (/usr/bin/redis-server).
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

export const ROWS = ["plain", "redis", "raw-ws", "tier-off", "tier-on"] as const;
export type TRowName = (typeof ROWS)[number];

export type TBenchConfig = {
  clients: number;
  slaves: number;
  /** Messages/s in total; every row runs at each rate, in this order. */
  rates: number[];
  seconds: number;
  warmup: number;
  /** Signed-in senders; null = 2.5 per message/s of the row's rate (the contract allows 1 message/s per user). */
  senders: number | null;
  workers: number;
  rows: TRowName[];
  out: string;
  /** Before each row, wait (at most loadWait s) until the 1-minute load average is below this. */
  maxLoad: number | null;
  /** Quiet seconds between the last join and the warm-up. */
  settle: number;
  /** Seconds of server CPU measured with the clients joined and idle, after the settle (0 = none). */
  idle: number;
  /** GET /health of every server this many times a second during the window (0 = no probe). */
  probeHz: number;
  loadWait: number;
};

function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === `--${name}`) return args[i + 1];
    if (a.startsWith(`--${name}=`)) return a.slice(name.length + 3);
  }
  return process.env[`BENCH_${name.toUpperCase()}`];
}

function int(name: string, fallback: number, min: number, max: number): number {
  const raw = option(name);
  const v = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(v)) throw new Error(`--${name} must be a number, not ${raw}`);
  return Math.min(max, Math.max(min, Math.round(v)));
}

function config(): TBenchConfig {
  const clients = int("clients", 1000, 2, 20_000);
  const rates = (option("rates") ?? option("rate") ?? "20,200").split(",").map((r) => {
    const v = Number(r);
    if (!Number.isFinite(v) || v < 1 || v > 400)
      throw new Error(`--rates takes messages/s between 1 and 400, not ${r}`);
    return Math.round(v);
  });
  const rows = (option("rows") ?? ROWS.join(","))
    .split(",")
    .map((r) => r.trim())
    .filter(Boolean);
  const unknown = rows.filter((r) => !(ROWS as readonly string[]).includes(r));
  if (unknown.length) throw new Error(`unknown rows ${unknown.join(", ")} (known: ${ROWS.join(", ")})`);
  return {
    clients,
    slaves: int("slaves", 2, 1, 8),
    rates,
    seconds: int("seconds", 30, 5, 300),
    warmup: int("warmup", 3, 1, 30),
    senders: option("senders") === undefined ? null : int("senders", 1, 1, clients),
    workers: int("workers", 2, 1, 2),
    rows: rows as TRowName[],
    out: option("out") ?? "bench/results/chat.json",
    maxLoad: option("max-load") === undefined ? null : Number(option("max-load")),
    loadWait: int("load-wait", 300, 0, 1800),
    settle: int("settle", 2, 0, 120),
    idle: int("idle", 0, 0, 120),
    probeHz: int("probe-hz", 10, 0, 10),
  };
}

const WANT_FILES = 65536;

function openFileLimit(): number {
  const line = readFileSync("/proc/self/limits", "utf8")
    .split("\n")
    .find((l) => l.startsWith("Max open files"));
  return Number(line?.trim().split(/\s+/)[3] ?? 1024);
}

/**
 * Thousands of sockets need more than the usual 1024 descriptors, in this process and in every process it
 * starts: re-run under a shell that raises the limit (to the hard limit when 65536 is not allowed).
 */
function raiseFileLimit(): boolean {
  if (openFileLimit() >= 16_384 || process.env.BENCH_CHAT_ULIMIT_RAISED) return false;
  const script = `ulimit -n ${WANT_FILES} 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec "$@"`;
  const file = path.join(import.meta.dirname, "chat.ts");
  const res = spawnSync(
    "sh",
    ["-c", script, "sh", process.execPath, "--import", "tsx", file, ...process.argv.slice(2)],
    {
      stdio: "inherit",
      env: { ...process.env, BENCH_CHAT_ULIMIT_RAISED: "1" },
    },
  );
  process.exit(res.status ?? 1);
}

if (!raiseFileLimit()) {
  const cfg = config();
  import("./chat/run")
    .then(({ runBench }) => runBench(cfg, openFileLimit()))
    .then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
}
