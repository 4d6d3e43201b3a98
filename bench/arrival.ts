/**
 * Arrival benchmark (issue 16): what a show's audience arriving at once costs the web tier, over real HTTP
 * against a running system (`npm start`), loopback only. Prints a table and writes
 * bench/results/arrival[-<label>].json.
 *
 *   BENCH_URL=http://127.0.0.1:3000 npm run bench:arrival
 *
 * Each row keeps BENCH_CONNECTIONS (100) keep-alive connections busy for BENCH_SECONDS (10), one request
 * after another on each (autocannon's closed loop; autocannon itself is not a dependency): the viewer page
 * `/live/<BENCH_SLUG>` (demo-live) as a guest and signed in (the shopper demo account's session cookie),
 * the home page both ways, and `GET /api/rooms/<slug>` cold and with the ETag it answered (a reload's 304).
 * Every answer is checked: the page must be 200 HTML naming the show, the room JSON 200 with its id or 304.
 * A signed-in page must not carry another viewer's name: the shopper's name may appear only client-side.
 * BENCH_ROWS picks rows by name (comma separated); BENCH_LABEL names the result file.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";

const int = (name: string, fallback: number, max: number) =>
  Math.min(max, Math.max(1, Number(process.env[name] ?? fallback) || fallback));
const BASE = new URL(process.env.BENCH_URL ?? "http://127.0.0.1:3000");
const CONNECTIONS = int("BENCH_CONNECTIONS", 100, 2000);
const SECONDS = int("BENCH_SECONDS", 10, 300);
const SLUG = process.env.BENCH_SLUG ?? "demo-live";
const LABEL = process.env.BENCH_LABEL ?? "";
const ROWS = (process.env.BENCH_ROWS ?? "").split(",").filter(Boolean);
const SHOPPER = {
  email: process.env.BENCH_SHOPPER_EMAIL ?? "shopper@onair.test",
  password: process.env.BENCH_SHOPPER_PASSWORD ?? "onair-demo",
};

function assertLoopback(url: URL): void {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host)) return;
  console.error(
    `BENCH_URL must point at a loopback address (127.0.0.0/8, ::1, localhost), not ${url.hostname}.`,
  );
  process.exit(2);
}

type TAnswer = { status: number; headers: http.IncomingHttpHeaders; body: string; ms: number };

function request(
  agent: http.Agent,
  route: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<TAnswer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      new URL(route, BASE),
      { method: init.method ?? "GET", agent, headers: init.headers, timeout: 30_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8"),
            ms: performance.now() - started,
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error("timed out")));
    req.on("error", reject);
    req.end(init.body);
  });
}

type TRow = {
  name: string;
  route: string;
  headers: Record<string, string>;
  /** null when the answer is right, else why not. */
  check: (a: TAnswer) => string | null;
};

type TResult = {
  name: string;
  route: string;
  requests: number;
  perSecond: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  wrong: number;
  errors: number;
  statuses: Record<string, number>;
  firstWrong: string | null;
  cacheControl: string | null;
};

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const round = (n: number) => Number(n.toFixed(1));

/** CONNECTIONS keep-alive connections, each sending the next request as soon as the last answer ends. */
async function run(row: TRow): Promise<TResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  // Warm-up: one answer, so a first render or cache fill is not counted against the row.
  await request(agent, row.route, { headers: row.headers });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let wrong = 0;
  let errors = 0;
  let firstWrong: string | null = null;
  let cacheControl: string | null = null;
  const started = performance.now();
  const until = started + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < until) {
        try {
          const a = await request(agent, row.route, { headers: row.headers });
          latencies.push(a.ms);
          statuses[a.status] = (statuses[a.status] ?? 0) + 1;
          cacheControl ??= (a.headers["cache-control"] as string | undefined) ?? null;
          const why = row.check(a);
          if (why) {
            wrong++;
            firstWrong ??= why;
          }
        } catch (err) {
          errors++;
          firstWrong ??= (err as Error).message;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    name: row.name,
    route: row.route,
    requests: latencies.length,
    perSecond: round(latencies.length / elapsed),
    p50Ms: round(percentile(latencies, 50)),
    p90Ms: round(percentile(latencies, 90)),
    p99Ms: round(percentile(latencies, 99)),
    maxMs: round(latencies.at(-1) ?? 0),
    wrong,
    errors,
    statuses,
    firstWrong,
    cacheControl,
  };
}

async function signIn(): Promise<{ cookie: string; name: string }> {
  const agent = new http.Agent({ keepAlive: false });
  const a = await request(agent, "/api/session", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(SHOPPER),
  });
  const setCookie = a.headers["set-cookie"]?.[0];
  if (a.status !== 200 || !setCookie)
    throw new Error(`sign-in failed with ${a.status}: ${a.body.slice(0, 200)}`);
  const name = (JSON.parse(a.body) as { user: { name: string } }).user.name;
  return { cookie: setCookie.split(";")[0]!, name };
}

async function main(): Promise<void> {
  assertLoopback(BASE);
  const shopper = await signIn();
  const room = await request(new http.Agent(), `/api/rooms/${SLUG}`);
  if (room.status !== 200)
    throw new Error(`GET /api/rooms/${SLUG} answered ${room.status}: is the show seeded?`);
  const { id, title } = JSON.parse(room.body) as { id: string; title: string };
  const etag = String(room.headers.etag ?? "");
  const html = { accept: "text/html", "accept-language": "en-US,en;q=0.9" };
  const signedIn = { ...html, cookie: shopper.cookie };
  // Titles are HTML-escaped in the page; the demo show's title has no characters that change.
  const isPage = (mustName: string | null) => (a: TAnswer) =>
    a.status !== 200
      ? `status ${a.status}`
      : !a.body.includes("</html>")
        ? "not a whole HTML page"
        : mustName && !a.body.includes(mustName)
          ? `page does not name "${mustName}"`
          : null;
  const rows: TRow[] = [
    { name: "page guest", route: `/live/${SLUG}`, headers: html, check: isPage(title) },
    { name: "page signed-in", route: `/live/${SLUG}`, headers: signedIn, check: isPage(title) },
    { name: "home guest", route: "/", headers: html, check: isPage(null) },
    { name: "home signed-in", route: "/", headers: signedIn, check: isPage(null) },
    {
      name: "room json",
      route: `/api/rooms/${SLUG}`,
      headers: {},
      check: (a) =>
        a.status !== 200 ? `status ${a.status}` : !a.body.includes(`"id":"${id}"`) ? "wrong room" : null,
    },
    {
      name: "room json 304",
      route: `/api/rooms/${SLUG}`,
      headers: etag ? { "if-none-match": etag } : {},
      // A change in the room meanwhile (stock) answers 200 with the new bytes: also right.
      check: (a) => (a.status === 304 || a.status === 200 ? null : `status ${a.status}`),
    },
  ].filter((r) => ROWS.length === 0 || ROWS.includes(r.name));

  const results: TResult[] = [];
  for (const row of rows) {
    process.stdout.write(`${row.name}…\n`);
    results.push(await run(row));
  }

  console.log(`\nArrival: ${CONNECTIONS} connections, ${SECONDS} s per row, ${BASE.origin}`);
  console.table(
    results.map((r) => ({
      row: r.name,
      "req/s": r.perSecond,
      "p50 ms": r.p50Ms,
      "p99 ms": r.p99Ms,
      "max ms": r.maxMs,
      wrong: r.wrong,
      errors: r.errors,
      statuses: Object.entries(r.statuses)
        .map(([s, n]) => `${s}×${n}`)
        .join(" "),
    })),
  );
  for (const r of results) if (r.firstWrong) console.log(`${r.name}: first wrong answer: ${r.firstWrong}`);
  const load = os.loadavg().map((n) => Number(n.toFixed(2)));
  console.log(`load average ${load.join(" ")} on ${os.cpus().length} cores`);

  const dir = path.resolve("bench/results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `arrival${LABEL ? `-${LABEL}` : ""}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      {
        bench: "arrival",
        at: new Date().toISOString(),
        url: BASE.origin,
        connections: CONNECTIONS,
        secondsPerRow: SECONDS,
        loadAverage: load,
        cores: os.cpus().length,
        results,
      },
      null,
      2,
    ) + "\n",
  );
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
