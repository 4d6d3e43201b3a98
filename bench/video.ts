/**
 * Glass-to-glass latency of a live show. A seller's console goes live with the clock test pattern (a
 * canvas drawing Date.now() as black/white cells, offered only when MEDIA_TEST_SOURCE is set); a viewer
 * in another browser context reads the time back from each decoded frame (requestVideoFrameCallback) and
 * compares it with its clock. Both run in one Chromium on this machine, so they share the clock.
 * Prints p50/p95 latency over the window, stalls, the time to first frame of shoppers arriving mid-show
 * (median of 3 arrivals), and the ingest's CPU (the show's ffmpeg plus the media node's packaging) and RSS;
 * writes bench/results/video.json. Targets (issue 10): p50 ≤ 1.0 s, p95 ≤ 1.5 s, 0 stalls, first frame
 * ≤ 1.0 s, ingest ≤ 0.03 core per 720p30 show on the H.264 copy path.
 *
 *   npm run bench:video                      # starts its own OnAir on 127.0.0.1:3560 with a fresh database
 *   BENCH_URL=http://127.0.0.1:3000 npm run bench:video   # a running OnAir started with MEDIA_TEST_SOURCE=1
 *
 * BENCH_SECONDS (60), BENCH_QUALITY (720p | 480p), BENCH_ARRIVALS (3: shoppers timed to their first frame,
 * more for an A/B), BENCH_PORT (3560, own system only; its media node on BENCH_PORT + 40). With BENCH_URL the CPU figures need the media node on this machine (found by its cmdline).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { chromium, type Browser, type Page } from "@playwright/test";
import { PATTERN } from "@/lib/media/test-pattern";
import { assertLoopback, intFromEnv, machine } from "@/bench/support/bench-env";

const SECONDS = Math.min(600, Math.max(10, Number(process.env.BENCH_SECONDS ?? 60) || 60));
const QUALITY = process.env.BENCH_QUALITY === "480p" ? "480p" : "720p";
const ARRIVALS = intFromEnv("BENCH_ARRIVALS", 3, 15);
const OWN_PORT = Number(process.env.BENCH_PORT ?? 3560);
const BASE = new URL(process.env.BENCH_URL ?? `http://127.0.0.1:${OWN_PORT}`);
const SELLER = {
  email: process.env.BENCH_SELLER_EMAIL ?? "seller@onair.test",
  password: process.env.BENCH_SELLER_PASSWORD ?? "onair-demo",
};
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--use-fake-ui-for-media-stream",
  "--autoplay-policy=no-user-gesture-required",
];

async function healthy(): Promise<boolean> {
  return fetch(new URL("/api/health", BASE)).then(
    (r) => r.ok,
    () => false,
  );
}

/** Starts OnAir (web, master, slaves) on its own ports with a fresh database and the test source on. */
async function startOwnSystem(): Promise<ChildProcess> {
  const db = `./data/bench-video-${OWN_PORT}.db`;
  for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      PORT: String(OWN_PORT),
      PUBLIC_URL: BASE.origin,
      CHAT_MASTER_PORT: String(OWN_PORT + 10),
      CHAT_SLAVE_BASE_PORT: String(OWN_PORT + 11),
      DATABASE_URL: `file:${db}`,
      MEDIA_DIR: `./data/bench-media-${OWN_PORT}`,
      MEDIA_BASE_PORT: String(OWN_PORT + 40),
      MEDIA_TEST_SOURCE: "true",
      // The demo show's generated source would be a second live show on the node: off, so the CPU is ours.
      DEMO_LIVE_SOURCE: "off",
      LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (await healthy()) return child;
    if (child.exitCode !== null) throw new Error("OnAir exited while starting");
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error("OnAir did not start within 5 minutes");
}

function cmdlineOf(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
  } catch {
    return [];
  }
}

/** Parent pid and process group of a process (0 when it is gone). */
function idsOf(pid: number): { parent: number; group: number } {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { parent: Number(fields[1]), group: Number(fields[2]) };
  } catch {
    return { parent: 0, group: 0 };
  }
}

/**
 * The media node process (`server/media/node/main.ts`) and the ffmpeg processes it runs. With the demo
 * source off and one show live, those ffmpeg processes are the show's packaging, and the node's own CPU is
 * the ingest socket, fMP4 splitting and playlist rendering: both count as the show's ingest cost.
 */
function mediaProcesses(ownGroup: number | null): { node: number | null; ffmpeg: number[] } {
  const pids = readdirSync("/proc")
    .filter((e) => /^\d+$/.test(e))
    .map(Number);
  // Our own system is its own process group: other OnAir instances on the machine are not counted.
  const node =
    pids.find(
      (pid) =>
        cmdlineOf(pid).some((a) => a.endsWith("server/media/node/main.ts")) &&
        (ownGroup === null || idsOf(pid).group === ownGroup),
    ) ?? null;
  const ffmpeg = node
    ? pids.filter((pid) => idsOf(pid).parent === node && cmdlineOf(pid)[0]?.includes("ffmpeg"))
    : [];
  return { node, ffmpeg };
}

function procSample(pid: number): { cpuTicks: number; rssBytes: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const cpuTicks = Number(fields[11]) + Number(fields[12]); // utime + stime
    const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return { cpuTicks, rssBytes: Number(rss?.[1] ?? 0) * 1024 };
  } catch {
    return null;
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function goLive(page: Page): Promise<{ roomId: string; slug: string }> {
  await page.goto(new URL("/login?next=/studio/new", BASE).href);
  await page.getByLabel("Email").fill(SELLER.email);
  await page.getByLabel("Password").fill(SELLER.password);
  await page.getByRole("main").getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/studio/new");
  await page.getByLabel("Title").fill(`Latency bench ${new Date().toISOString()}`);
  await page.getByRole("button", { name: "Create show" }).click();
  await page.waitForURL(/\/studio\/latency-bench/);
  const slug = new URL(page.url()).pathname.split("/").pop()!;
  const room = (await (await fetch(new URL(`/api/rooms/${slug}`, BASE))).json()) as { id: string };
  const camera = page.getByLabel("Camera", { exact: true });
  await camera
    .locator("option", { hasText: "Test pattern" })
    .waitFor({ state: "attached", timeout: 15_000 })
    .catch(() => {
      throw new Error(
        "The studio offers no test pattern: start OnAir with MEDIA_TEST_SOURCE=1 (never in production).",
      );
    });
  await camera.selectOption({ label: "Test pattern (clock)" });
  if (QUALITY === "480p") await page.getByText("480p", { exact: false }).click();
  await page.waitForFunction(
    () => document.querySelector<HTMLVideoElement>("[data-testid=studio-preview]")?.readyState === 4,
  );
  await page.getByRole("button", { name: "Go live" }).click();
  await page.getByText("You are live.").waitFor({ timeout: 30_000 });
  return { roomId: room.id, slug };
}

/** In the viewer page: decode the pattern from every presented frame for `seconds`, return latencies (ms). */
async function measure(
  page: Page,
  seconds: number,
): Promise<{ latencies: number[]; frames: number; misreads: number; stalls: number }> {
  return page.evaluate(
    async ({ seconds, P }) => {
      const video = document.querySelector<HTMLVideoElement>("[data-testid=show-video]")!;
      const canvas = document.createElement("canvas");
      const ctx = canvas.getContext("2d", { willReadFrequently: true })!;
      const latencies: number[] = [];
      let frames = 0;
      let misreads = 0;
      let stalls = 0;
      video.addEventListener("waiting", () => stalls++);
      const read = (): number | null => {
        const w = video.videoWidth;
        const h = video.videoHeight;
        const sx = w / P.width;
        const sy = h / P.height;
        const band = Math.ceil((P.top + P.cell * 2) * sy) + 1;
        canvas.width = w;
        canvas.height = band;
        ctx.drawImage(video, 0, 0, w, h);
        const px = ctx.getImageData(0, 0, w, band).data;
        const lum = (x: number, y: number) => {
          const i = (Math.round(y * sy) * w + Math.round(x * sx)) * 4;
          return ((px[i] ?? 0) + (px[i + 1] ?? 0) + (px[i + 2] ?? 0)) / 3;
        };
        let value = 0;
        for (let i = 0; i < P.bits; i++) {
          const x = P.left + i * P.cell + P.cell / 2;
          const a = lum(x, P.top + P.cell / 2) > 128;
          const b = lum(x, P.top + P.cell * 1.5) > 128;
          if (a === b) return null;
          value = value * 2 + (a ? 1 : 0);
        }
        return value;
      };
      await new Promise<void>((resolve) => {
        const end = performance.now() + seconds * 1000;
        let last = 0;
        const onFrame = (_now: number, meta: VideoFrameCallbackMetadata) => {
          frames++;
          // Four reads a second keep the viewer's own CPU use out of the measurement.
          if (meta.expectedDisplayTime - last >= 250) {
            last = meta.expectedDisplayTime;
            const shown = performance.timeOrigin + meta.expectedDisplayTime;
            const drawn = read();
            if (drawn === null || Math.abs(shown - drawn) > 60_000) misreads++;
            else latencies.push(shown - drawn);
          }
          if (performance.now() < end) video.requestVideoFrameCallback(onFrame);
          else resolve();
        };
        video.requestVideoFrameCallback(onFrame);
      });
      return { latencies, frames, misreads, stalls };
    },
    { seconds, P: PATTERN },
  );
}

/**
 * A shopper arriving mid-show: from the start of navigation to the first video frame presented
 * (requestVideoFrameCallback), in a fresh browser context (cold cache, as a new visitor).
 */
async function timeToFirstFrame(browser: Browser, slug: string): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript({
    content: `globalThis.__firstFrameMs = new Promise((resolve) => {
      const watch = () => {
        const v = document.querySelector("[data-testid=show-video]");
        if (v && "requestVideoFrameCallback" in v) v.requestVideoFrameCallback(() => resolve(performance.now()));
        else requestAnimationFrame(watch);
      };
      watch();
    });`,
  });
  await page.goto(new URL(`/live/${slug}`, BASE).href, { waitUntil: "commit" });
  const ms = await page.evaluate<number>("globalThis.__firstFrameMs");
  if (process.env.BENCH_DEBUG) {
    const timeline = await page.evaluate(`[
      ["domContentLoaded", performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd],
      ["held", document.querySelectorAll("link[data-held-chunk]").length],
      ...performance.getEntriesByType("resource").map((r) => [r.name.replace(location.origin, ""), r.startTime, r.responseEnd]),
    ]`);
    console.log(JSON.stringify({ firstFrameMs: ms, timeline }, null, 1));
  }
  await context.close();
  return ms;
}

async function main(): Promise<void> {
  assertLoopback(BASE);
  let own: ChildProcess | null = null;
  if (!process.env.BENCH_URL) {
    if (await healthy())
      throw new Error(`Something already answers on ${BASE.origin}; set BENCH_PORT or BENCH_URL.`);
    console.log(`starting OnAir on ${BASE.origin} (fresh database, MEDIA_TEST_SOURCE on)…`);
    own = await startOwnSystem();
  } else if (!(await healthy())) {
    console.error(`No OnAir web tier answers at ${BASE.origin}.`);
    process.exit(2);
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  try {
    const seller = await (await browser.newContext()).newPage();
    const { roomId, slug } = await goLive(seller);
    const viewer = await (await browser.newContext()).newPage();
    // tsx compiles this file with keepNames: functions sent to the page call its `__name` helper.
    await viewer.addInitScript({ content: "globalThis.__name = (fn) => fn;" });
    await viewer.goto(new URL(`/live/${slug}`, BASE).href);
    await viewer.waitForFunction(
      () => (document.querySelector<HTMLVideoElement>("[data-testid=show-video]")?.readyState ?? 0) >= 3,
      null,
      {
        timeout: 30_000,
      },
    );
    await viewer.waitForTimeout(5000); // let the player settle at its live position before measuring

    const media = mediaProcesses(own?.pid ?? null);
    const watched = [...(media.node ? [media.node] : []), ...media.ffmpeg];
    const before = watched.map(procSample);
    const rss: number[] = [];
    const rssTimer = setInterval(() => {
      const total = media.ffmpeg.map(procSample).reduce((sum, s) => sum + (s?.rssBytes ?? 0), 0);
      if (total > 0) rss.push(total);
    }, 1000);
    const t0 = performance.now();
    const result = await measure(viewer, SECONDS);
    const elapsed = (performance.now() - t0) / 1000;
    clearInterval(rssTimer);
    const after = watched.map(procSample);
    const ticks = 100; // USER_HZ on Linux
    const shareOf = (i: number) => {
      const a = before[i];
      const b = after[i];
      return a && b ? (b.cpuTicks - a.cpuTicks) / ticks / elapsed : NaN;
    };
    const nodeShare = media.node ? shareOf(0) : NaN;
    const ffmpegShare = media.ffmpeg.reduce((sum, _pid, i) => sum + shareOf(i + (media.node ? 1 : 0)), 0);
    const ingestShare = (Number.isNaN(nodeShare) ? 0 : nodeShare) + ffmpegShare;

    // Shoppers arriving mid-show, one after another.
    const arrivals: number[] = [];
    for (let i = 0; i < ARRIVALS; i++) arrivals.push(Math.round(await timeToFirstFrame(browser, slug)));
    const firstFrameMedian = [...arrivals].sort((a, b) => a - b)[Math.floor(ARRIVALS / 2)]!;
    const videoPath = await seller
      .getByTestId("video-path")
      .getAttribute("data-path")
      .catch(() => null);

    const sorted = [...result.latencies].sort((a, b) => a - b);
    const p50 = Math.round(percentile(sorted, 50));
    const p95 = Math.round(percentile(sorted, 95));
    const summary = {
      when: new Date().toISOString(),
      machine: machine(),
      loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
      quality: QUALITY,
      videoPath,
      seconds: SECONDS,
      samples: sorted.length,
      misreads: result.misreads,
      framesPresented: result.frames,
      stalls: result.stalls,
      latencyMs: { p50, p95, min: Math.round(sorted[0] ?? NaN), max: Math.round(sorted.at(-1) ?? NaN) },
      firstFrameMs: { arrivals, median: firstFrameMedian },
      ingest: {
        cores: Math.round(ingestShare * 1000) / 1000,
        ffmpegCores: Math.round(ffmpegShare * 1000) / 1000,
        mediaNodeCores: Math.round(nodeShare * 1000) / 1000,
        ffmpegProcesses: media.ffmpeg.length,
        ffmpegRssMiBMax: Math.round(Math.max(0, ...rss) / 2 ** 20),
      },
      targets: { p50Ms: 1000, p95Ms: 1500, stalls: 0, firstFrameMs: 1000, ingestCores: 0.03 },
    };
    const verdict = (ok: boolean) => (ok ? "met" : "MISSED");
    console.log("");
    console.table({
      "glass-to-glass p50 (ms) ≤ 1000": `${p50} ${verdict(p50 <= 1000)}`,
      "glass-to-glass p95 (ms) ≤ 1500": `${p95} ${verdict(p95 <= 1500)}`,
      "min / max (ms)": `${summary.latencyMs.min} / ${summary.latencyMs.max}`,
      "samples (misreads)": `${summary.samples} (${summary.misreads})`,
      "viewer stalls = 0": `${summary.stalls} ${verdict(summary.stalls === 0)}`,
      [`first frame, median of ${ARRIVALS} (ms) ≤ 1000`]: `${firstFrameMedian} (${arrivals.join(", ")}) ${verdict(firstFrameMedian <= 1000)}`,
      [`ingest cores per show (${QUALITY}, ${videoPath ?? "?"}) ≤ 0.03`]: `${summary.ingest.cores} ${verdict(ingestShare <= 0.03)}`,
      "  of which ffmpeg / media node": `${summary.ingest.ffmpegCores} / ${summary.ingest.mediaNodeCores}`,
      "ffmpeg RSS max (MiB)": summary.ingest.ffmpegRssMiBMax,
      "load average (1, 5, 15 min)": summary.loadAverage.join(", "),
    });
    mkdirSync("bench/results", { recursive: true });
    writeFileSync("bench/results/video.json", JSON.stringify(summary, null, 2) + "\n");
    console.log("wrote bench/results/video.json");
    await fetch(new URL(`/api/rooms/${roomId}/live`, BASE), {
      method: "DELETE",
      headers: { cookie: (await seller.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ") },
    });
  } finally {
    await browser.close();
    if (own?.pid) {
      process.kill(-own.pid, "SIGTERM");
      await new Promise((r) => own.once("exit", r));
    }
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
