/**
 * Media node capacity: N concurrent synthetic publishers, each sending a pre-encoded 720p30 H.264 + Opus
 * Matroska stream (made by the bundled ffmpeg at start, sent in ~100 ms clusters at real-time pace through
 * the real ingest protocol), each show watched by BENCH_VIEWERS synthetic LL-HLS viewers doing blocking
 * playlist reloads and fetching every new part. For each N: the p95 delay from a part's publication (the
 * `x-onair-playlist-at` header) to a blocked viewer receiving the playlist that lists it, per show, and
 * the CPU of the media host (its process + its ffmpeg children) per show. Reports the largest N whose
 * every show keeps p95 ≤ 0.3 s. Writes bench/results/media.json.
 *
 *   npm run bench:media      BENCH_STEPS (5,10,15,20,25,30) BENCH_SECONDS (20) BENCH_VIEWERS (3) BENCH_PORT (4200)
 *
 * The media host is bench/media-host.ts: the media tier alone on one HTTP server (what a media node runs).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import WebSocket from "ws";
import { encodeChunk } from "@/lib/media/ingest-protocol";
import { machine } from "@/bench/support/bench-env";
import { fixedGopArgs } from "@/server/media/transcode-args";
import { ffmpegPath } from "@/server/media/config";
import { findCluster } from "@/server/media/webm-splice";

const STEPS = (process.env.BENCH_STEPS ?? "5,10,15,20,25,30")
  .split(",")
  .map(Number)
  .filter((n) => n > 0 && n <= 200);
const SECONDS = Math.min(120, Math.max(5, Number(process.env.BENCH_SECONDS ?? 20)));
const WARMUP_S = 8;
const VIEWERS = Math.min(10, Math.max(1, Number(process.env.BENCH_VIEWERS ?? 3)));
const PORT = Number(process.env.BENCH_PORT ?? 4200);
const TARGET_P95_MS = 300;
const HZ = 100; // USER_HZ

type TCluster = { ts: number; bytes: Buffer };
type TRoom = { id: string; token: string };

/** 720p30 H.264 (Constrained Baseline, 1 s keyframes, like Chrome's) + Opus in ~100 ms Matroska clusters. */
function makeStream(seconds: number): { header: Buffer; clusters: TCluster[] } {
  const file = path.resolve(`data/bench-media-${seconds}s.mkv`);
  if (!existsSync(file)) {
    console.log(`encoding the ${seconds} s 720p30 source stream…`);
    const r = spawnSync(ffmpegPath(), [
      ...["-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=1280x720:rate=30"],
      ...["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", String(seconds)],
      ...[
        "-c:v",
        "libx264",
        "-preset",
        "ultrafast",
        "-profile:v",
        "baseline",
        "-pix_fmt",
        "yuv420p",
        "-b:v",
        "2500k",
        "-maxrate",
        "2500k",
      ],
      ...["-bufsize", "2500k", ...fixedGopArgs(30), "-c:a", "libopus", "-b:a", "128k"],
      ...[
        "-f",
        "matroska",
        "-write_crc32",
        "0",
        "-cluster_time_limit",
        "100",
        "-cluster_size_limit",
        "2000000",
        file,
      ],
    ]);
    if (r.status !== 0) throw new Error(`ffmpeg could not make the source: ${r.stderr.toString()}`);
  }
  const buf = readFileSync(file);
  const starts: number[] = [];
  for (let at = findCluster(buf); at >= 0; at = findCluster(buf, at + 4)) starts.push(at);
  const clusters = starts.map((start, i) => ({
    ts: clusterTimestamp(buf, start),
    bytes: buf.subarray(start, starts[i + 1] ?? buf.length),
  }));
  return { header: buf.subarray(0, starts[0] ?? 0), clusters };
}

/** A Cluster's Timestamp (ms at the default TimestampScale): its first child, ID 0xE7. */
function clusterTimestamp(buf: Buffer, at: number): number {
  const sizeLen = vintLength(buf[at + 4] ?? 0);
  const child = at + 4 + sizeLen;
  const len = (buf[child + 1] ?? 0x81) & 0x7f;
  let v = 0;
  for (let i = 0; i < len; i++) v = v * 256 + (buf[child + 2 + i] ?? 0);
  return v;
}

function vintLength(first: number): number {
  for (let i = 0; i < 8; i++) if (first & (0x80 >> i)) return i + 1;
  return 1;
}

/** Sends the stream to one show at real-time pace; resolves when the server has taken it live. */
function publish(
  room: TRoom,
  stream: { header: Buffer; clusters: TCluster[] },
  stop: { stopped: boolean },
): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(
      `ws://127.0.0.1:${PORT}/ingest/${room.id}?token=${encodeURIComponent(room.token)}`,
    );
    let seq = 0;
    let max = 256 * 1024;
    const send = (data: Buffer) => {
      for (let off = 0; off < data.length; off += max)
        ws.send(encodeChunk(seq++, data.subarray(off, off + max)));
    };
    ws.on("open", () =>
      ws.send(
        JSON.stringify({
          type: "hello",
          epoch: `bench${room.id}`,
          mimeType: "video/webm;codecs=h264,opus",
          quality: "720p",
        }),
      ),
    );
    ws.on("message", (data, isBinary) => {
      if (isBinary) return;
      const msg = JSON.parse((data as Buffer).toString("utf8")) as { type: string; maxChunkBytes?: number };
      if (msg.type === "ready") {
        max = msg.maxChunkBytes ?? max;
        const t0 = performance.now();
        send(stream.header);
        let i = 0;
        const tick = () => {
          while (i < stream.clusters.length && stream.clusters[i]!.ts <= performance.now() - t0)
            send(stream.clusters[i++]!.bytes);
          if (!stop.stopped && i < stream.clusters.length && ws.readyState === ws.OPEN) setTimeout(tick, 10);
        };
        tick();
      }
      if (msg.type === "live") resolve(ws);
    });
    ws.on("close", (code, reason) => reject(new Error(`ingest closed ${code} ${reason.toString()}`)));
    ws.on("error", reject);
  });
}

/** Next part to ask for: after the last whole segment, as many parts as the open segment lists. */
function nextPart(text: string): { msn: number; part: number } {
  let msn = Number(/#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(text)?.[1] ?? 0);
  let part = 0;
  for (const line of text.split("\n")) {
    if (line.startsWith("#EXT-X-PART:")) part++;
    else if (line && !line.startsWith("#")) {
      msn++;
      part = 0;
    }
  }
  return { msn, part };
}

/** A viewer doing blocking reloads; pushes the delay (ms) of each playlist that was rendered while it waited. */
async function view(
  room: TRoom,
  delays: number[],
  stop: { stopped: boolean },
  errors: { n: number },
): Promise<void> {
  const base = `http://127.0.0.1:${PORT}/hls/${room.id}`;
  let text = "";
  while (!stop.stopped && !text) {
    const res = await fetch(`${base}/index.m3u8`).catch(() => null);
    if (res?.ok) text = await res.text();
    else await new Promise((r) => setTimeout(r, 200));
  }
  while (!stop.stopped) {
    const { msn, part } = nextPart(text);
    const sent = Date.now();
    const res = await fetch(`${base}/index.m3u8?_HLS_msn=${msn}&_HLS_part=${part}`).catch(() => null);
    if (!res?.ok) {
      errors.n++;
      await new Promise((r) => setTimeout(r, 200));
      continue;
    }
    const body = await res.text();
    const at = Number(res.headers.get("x-onair-playlist-at") ?? 0);
    // Only a playlist rendered after the request went out measures publish → viewer.
    if (at >= sent) delays.push(Date.now() - at);
    const newest = [...body.matchAll(/#EXT-X-PART:[^\n]*URI="([^"]+)"/g)].at(-1)?.[1];
    if (newest && newest !== [...text.matchAll(/#EXT-X-PART:[^\n]*URI="([^"]+)"/g)].at(-1)?.[1]) {
      await fetch(`${base}/${newest}`)
        .then((r) => r.arrayBuffer())
        .catch(() => errors.n++);
    }
    text = body;
  }
}

function ticksOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(f[11]) + Number(f[12]);
  } catch {
    return 0;
  }
}

/** CPU ticks of the host and of each of its ffmpeg children. */
function sampleCpu(hostPid: number): { host: number; ffmpeg: Map<number, number> } {
  const ffmpeg = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(f[1]) === hostPid && stat.includes("(ffmpeg)"))
        ffmpeg.set(Number(entry), Number(f[11]) + Number(f[12]));
    } catch {
      // gone
    }
  }
  return { host: ticksOf(hostPid), ffmpeg };
}

function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : NaN;
}

async function startHost(rooms: number): Promise<{ child: ChildProcess; pid: number; rooms: TRoom[] }> {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/media-host.ts"], {
    env: { ...process.env, BENCH_MEDIA_PORT: String(PORT), BENCH_ROOMS: String(rooms) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (line) resolve({ child, ...(JSON.parse(line) as { pid: number; rooms: TRoom[] }) });
    });
    child.on("exit", (code) => reject(new Error(`media host exited (${code})`)));
  });
}

async function runStep(
  n: number,
  rooms: TRoom[],
  stream: { header: Buffer; clusters: TCluster[] },
  hostPid: number,
) {
  const stop = { stopped: false };
  const errors = { n: 0 };
  const sockets = await Promise.all(rooms.map((r) => publish(r, stream, stop)));
  const delays = rooms.map(() => [] as number[]);
  const viewers = rooms.flatMap((r, i) =>
    Array.from({ length: VIEWERS }, () => view(r, delays[i]!, stop, errors)),
  );
  await new Promise((r) => setTimeout(r, WARMUP_S * 1000));
  delays.forEach((d) => d.splice(0));
  const before = sampleCpu(hostPid);
  const t0 = performance.now();
  const load = os.loadavg();
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  const after = sampleCpu(hostPid);
  const elapsed = (performance.now() - t0) / 1000;
  stop.stopped = true;
  sockets.forEach((ws) => ws.close());
  await Promise.all(viewers);
  let ffTicks = 0;
  for (const [pid, t] of after.ffmpeg) ffTicks += t - (before.ffmpeg.get(pid) ?? t);
  const hostCores = (after.host - before.host) / HZ / elapsed;
  const ffmpegCores = ffTicks / HZ / elapsed;
  const perShow = delays.map((d) => ({ p50: percentile(d, 50), p95: percentile(d, 95), samples: d.length }));
  const worstP95 = Math.max(...perShow.map((s) => s.p95));
  return {
    shows: n,
    viewers: n * VIEWERS,
    worstP95Ms: Math.round(worstP95),
    medianP95Ms: Math.round(
      percentile(
        perShow.map((s) => s.p95),
        50,
      ),
    ),
    p50Ms: Math.round(percentile(delays.flat(), 50)),
    samples: delays.flat().length,
    errors: errors.n,
    cpuCores: { host: round(hostCores), ffmpeg: round(ffmpegCores), total: round(hostCores + ffmpegCores) },
    cpuPerShow: {
      host: round(hostCores / n),
      ffmpeg: round(ffmpegCores / n),
      total: round((hostCores + ffmpegCores) / n),
    },
    loadAverage: load.map((x) => Math.round(x * 100) / 100),
    ok: worstP95 <= TARGET_P95_MS && perShow.every((s) => s.samples > 0),
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

async function main(): Promise<void> {
  const streamSeconds = WARMUP_S + SECONDS + 10;
  const stream = makeStream(streamSeconds);
  const host = await startHost(STEPS.reduce((a, b) => a + b, 0));
  const results: Awaited<ReturnType<typeof runStep>>[] = [];
  let offset = 0;
  try {
    for (const n of STEPS) {
      const rooms = host.rooms.slice(offset, offset + n);
      offset += n;
      console.log(
        `step: ${n} shows × ${VIEWERS} viewers (load average ${os
          .loadavg()
          .map((x) => x.toFixed(2))
          .join(" ")})…`,
      );
      const r = await runStep(n, rooms, stream, host.pid);
      results.push(r);
      console.log(
        `  worst show p95 ${r.worstP95Ms} ms, CPU ${r.cpuPerShow.total} core/show → ${r.ok ? "ok" : "over target"}`,
      );
      await new Promise((res) => setTimeout(res, 3000)); // ffmpeg of the step stops after the 1 s grace
      if (!r.ok) break;
    }
  } finally {
    host.child.kill("SIGTERM");
  }
  const best = results.filter((r) => r.ok).at(-1)?.shows ?? 0;
  console.table(
    results.map((r) => ({
      shows: r.shows,
      "worst show p95 (ms)": r.worstP95Ms,
      "median show p95 (ms)": r.medianP95Ms,
      "p50 (ms)": r.p50Ms,
      "CPU/show (core)": r.cpuPerShow.total,
      "ffmpeg/show": r.cpuPerShow.ffmpeg,
      "host/show": r.cpuPerShow.host,
      errors: r.errors,
      "load avg (1m)": r.loadAverage[0],
    })),
  );
  console.log(`largest N with every show's p95 ≤ ${TARGET_P95_MS} ms: ${best} (target ≥ 20)`);
  const summary = {
    when: new Date().toISOString(),
    machine: machine(),
    source: "720p30 H.264 baseline 2.5 Mb/s, 1 s GOP, Opus 128k, ~100 ms clusters, real-time pace",
    viewersPerShow: VIEWERS,
    secondsPerStep: SECONDS,
    targetP95Ms: TARGET_P95_MS,
    largestN: best,
    steps: results,
  };
  mkdirSync("bench/results", { recursive: true });
  writeFileSync("bench/results/media.json", JSON.stringify(summary, null, 2) + "\n");
  console.log("wrote bench/results/media.json");
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
