/**
 * Glass-to-glass latency of a live show. A seller's console goes live with the clock test pattern (a
 * canvas drawing Date.now() as black/white cells, offered only when MEDIA_TEST_SOURCE is set); a viewer
 * in another browser context reads the time back from each decoded frame (requestVideoFrameCallback) and
 * compares it with its clock. Both run in one Chromium on this machine, so they share the clock.
 * Prints p50/p95 latency over the window and ffmpeg's CPU share and RSS; writes bench/results/video.json.
 *
 *   npm run bench:video                      # starts its own OnAir on 127.0.0.1:3560 with a fresh database
 *   BENCH_URL=http://127.0.0.1:3000 npm run bench:video   # a running OnAir started with MEDIA_TEST_SOURCE=1
 *
 * BENCH_SECONDS (60), BENCH_QUALITY (720p | 480p), BENCH_PORT (3560, own system only).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { PATTERN } from "@/lib/media/test-pattern";

const SECONDS = Math.min(600, Math.max(10, Number(process.env.BENCH_SECONDS ?? 60) || 60));
const QUALITY = process.env.BENCH_QUALITY === "480p" ? "480p" : "720p";
const OWN_PORT = Number(process.env.BENCH_PORT ?? 3560);
const BASE = new URL(process.env.BENCH_URL ?? `http://127.0.0.1:${OWN_PORT}`);
const SELLER = { email: process.env.BENCH_SELLER_EMAIL ?? "seller@onair.test", password: process.env.BENCH_SELLER_PASSWORD ?? "onair-demo" };
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--use-fake-ui-for-media-stream", "--autoplay-policy=no-user-gesture-required"];

function assertLoopback(url: URL): void {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host)) return;
  console.error(`BENCH_URL must point at a loopback address, not ${url.hostname}.`);
  process.exit(2);
}

async function healthy(): Promise<boolean> {
  return fetch(new URL("/api/health", BASE)).then((r) => r.ok, () => false);
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
      MEDIA_TEST_SOURCE: "true",
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

/** The ffmpeg transcoding this room (its segment pattern names the room's directory). */
function ffmpegPidOf(roomId: string): number | null {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
      if (cmd[0]?.includes("ffmpeg") && cmd.some((a) => a.includes(`${path.sep}${roomId}${path.sep}g`))) return Number(entry);
    } catch {
      // gone
    }
  }
  return null;
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
  await camera.locator("option", { hasText: "Test pattern" }).waitFor({ state: "attached", timeout: 15_000 }).catch(() => {
    throw new Error("The studio offers no test pattern: start OnAir with MEDIA_TEST_SOURCE=1 (never in production).");
  });
  await camera.selectOption({ label: "Test pattern (clock)" });
  if (QUALITY === "480p") await page.getByText("480p", { exact: false }).click();
  await page.waitForFunction(() => document.querySelector<HTMLVideoElement>("[data-testid=studio-preview]")?.readyState === 4);
  await page.getByRole("button", { name: "Go live" }).click();
  await page.getByText("You are live.").waitFor({ timeout: 30_000 });
  return { roomId: room.id, slug };
}

/** In the viewer page: decode the pattern from every presented frame for `seconds`, return latencies (ms). */
async function measure(page: Page, seconds: number): Promise<{ latencies: number[]; frames: number; misreads: number; stalls: number }> {
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

async function main(): Promise<void> {
  assertLoopback(BASE);
  let own: ChildProcess | null = null;
  if (!process.env.BENCH_URL) {
    if (await healthy()) throw new Error(`Something already answers on ${BASE.origin}; set BENCH_PORT or BENCH_URL.`);
    console.log(`starting OnAir on ${BASE.origin} (fresh database, MEDIA_TEST_SOURCE on)…`);
    own = await startOwnSystem();
  } else if (!(await healthy())) {
    console.error(`No OnAir web tier answers at ${BASE.origin}.`);
    process.exit(2);
  }
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    const seller = await (await browser.newContext()).newPage();
    const { roomId, slug } = await goLive(seller);
    const viewer = await (await browser.newContext()).newPage();
    // tsx compiles this file with keepNames: functions sent to the page call its `__name` helper.
    await viewer.addInitScript({ content: "globalThis.__name = (fn) => fn;" });
    await viewer.goto(new URL(`/live/${slug}`, BASE).href);
    await viewer.waitForFunction(() => (document.querySelector<HTMLVideoElement>("[data-testid=show-video]")?.readyState ?? 0) >= 3, null, {
      timeout: 30_000,
    });
    await viewer.waitForTimeout(5000); // let the player settle at its live position before measuring

    const pid = ffmpegPidOf(roomId);
    const before = pid ? procSample(pid) : null;
    const rss: number[] = [];
    const rssTimer = setInterval(() => {
      const s = pid ? procSample(pid) : null;
      if (s) rss.push(s.rssBytes);
    }, 1000);
    const t0 = performance.now();
    const result = await measure(viewer, SECONDS);
    const elapsed = (performance.now() - t0) / 1000;
    clearInterval(rssTimer);
    const after = pid ? procSample(pid) : null;
    const ticks = 100; // USER_HZ on Linux
    const cpuShare = before && after ? (after.cpuTicks - before.cpuTicks) / ticks / elapsed : NaN;

    const sorted = [...result.latencies].sort((a, b) => a - b);
    const summary = {
      when: new Date().toISOString(),
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? "", memGiB: Math.round(os.totalmem() / 2 ** 30) },
      quality: QUALITY,
      seconds: SECONDS,
      samples: sorted.length,
      misreads: result.misreads,
      framesPresented: result.frames,
      stalls: result.stalls,
      latencyMs: { p50: Math.round(percentile(sorted, 50)), p95: Math.round(percentile(sorted, 95)), min: Math.round(sorted[0] ?? NaN), max: Math.round(sorted.at(-1) ?? NaN) },
      ffmpeg: { pid, cpuPercentOfOneCore: Math.round(cpuShare * 1000) / 10, rssMiBMax: Math.round(Math.max(0, ...rss) / 2 ** 20), rssMiBMean: Math.round(rss.reduce((a, b) => a + b, 0) / Math.max(1, rss.length) / 2 ** 20) },
      targetP50Ms: 4000,
    };
    console.log("");
    console.table({
      "glass-to-glass p50 (ms)": summary.latencyMs.p50,
      "glass-to-glass p95 (ms)": summary.latencyMs.p95,
      "min / max (ms)": `${summary.latencyMs.min} / ${summary.latencyMs.max}`,
      "samples (misreads)": `${summary.samples} (${summary.misreads})`,
      "viewer stalls": summary.stalls,
      [`ffmpeg CPU (% of one core, ${QUALITY})`]: summary.ffmpeg.cpuPercentOfOneCore,
      "ffmpeg RSS max / mean (MiB)": `${summary.ffmpeg.rssMiBMax} / ${summary.ffmpeg.rssMiBMean}`,
      "target p50 ≤ 4000 ms": summary.latencyMs.p50 <= 4000 ? "met" : "MISSED",
    });
    mkdirSync("bench/results", { recursive: true });
    writeFileSync("bench/results/video.json", JSON.stringify(summary, null, 2) + "\n");
    console.log("wrote bench/results/video.json");
    await fetch(new URL(`/api/rooms/${roomId}/live`, BASE), { method: "DELETE", headers: { cookie: (await seller.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ") } });
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
