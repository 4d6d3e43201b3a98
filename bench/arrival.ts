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
 * Every answer is checked: the page must be 200 HTML naming the show and not the signed-in shopper (the
 * page is the same for everyone; the name fills in on the client), the room JSON 200 with its id or 304.
 * Pages are asked for gzipped, as browsers do; each distinct body (status + ETag) is unzipped and checked
 * once, the status and ETag of every answer.
 * The storm row (BENCH_STORM arrivals, 10,000, spread evenly over BENCH_STORM_SECONDS, 30; BENCH_STORM=0
 * skips it): each arrival, on its own connection like a new phone, fetches the page, the room JSON and a
 * chat node, joins the room over Socket.IO (WebSocket) with the join acknowledged (bench/arrival/join-room.ts:
 * the protocol's frames without socket.io-client's per-connection machinery), then fetches the
 * playlist when the show is live; time to "chat joined" is counted from the arrival's first request. Its
 * socket closes once joined (10,000 open sockets would measure the bench's own memory on this machine).
 * The arrivals come from BENCH_STORM_WORKERS (1) child processes. Meanwhile signed-in chatters send and a
 * listener on each slave times every message (bench/arrival/chat-probe.ts; BENCH_CHATTERS), and each tier's
 * CPU seconds are read from /proc (bench/arrival/tier-cpu.ts).
 * BENCH_ROWS picks rows by name (comma separated; "storm" for the storm); BENCH_LABEL names the result file.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { fork } from "node:child_process";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { assertLoopback, intFromEnv } from "@/bench/support/bench-env";
import { percentile } from "@/bench/support/percentile";
import { startChatProbe, type TAccount, type TChatProbe } from "@/bench/arrival/chat-probe";
import { cpuBetween, tierCpu, tierPids } from "@/bench/arrival/tier-cpu";
import { joinRoom } from "@/bench/arrival/join-room";

const BASE = new URL(process.env.BENCH_URL ?? "http://127.0.0.1:3000");
const CONNECTIONS = intFromEnv("BENCH_CONNECTIONS", 100, 2000);
const SECONDS = intFromEnv("BENCH_SECONDS", 10, 300);
const SLUG = process.env.BENCH_SLUG ?? "demo-live";
const LABEL = process.env.BENCH_LABEL ?? "";
const ROWS = (process.env.BENCH_ROWS ?? "").split(",").filter(Boolean);
const SHOPPER = {
  email: process.env.BENCH_SHOPPER_EMAIL ?? "shopper@onair.test",
  password: process.env.BENCH_SHOPPER_PASSWORD ?? "onair-demo",
};

type TAnswer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer; ms: number };

/** The answer's text, unzipped when the server sent gzip. */
const textOf = (a: TAnswer) =>
  (a.headers["content-encoding"] === "gzip" ? gunzipSync(a.body) : a.body).toString("utf8");

/**
 * One request, sent again once when a reused keep-alive socket turns out closed before any answer came,
 * as browsers do (a storm's arrival can wait more than the server's 5 s keep-alive between its requests).
 */
function request(
  agent: http.Agent,
  route: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
  retried = false,
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
            body: Buffer.concat(chunks),
            ms: performance.now() - started,
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error("timed out")));
    req.on("error", (err: NodeJS.ErrnoException) => {
      if (!retried && req.reusedSocket && err.code === "ECONNRESET")
        resolve(request(agent, route, init, true));
      else reject(err);
    });
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
  // The same bytes come back thousands of times: each distinct body (by status and ETag, the server's hash
  // of it) is read and checked once, every answer's status and ETag always.
  const verdicts = new Map<string, string | null>();
  const started = performance.now();
  const until = started + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < until) {
        try {
          const a = await request(agent, row.route, { headers: row.headers });
          latencies.push(a.ms);
          statuses[a.status] = (statuses[a.status] ?? 0) + 1;
          cacheControl ??= a.headers["cache-control"] ?? null;
          const etag = a.headers.etag;
          const memo = etag ? `${a.status} ${String(etag)}` : null;
          let why: string | null;
          if (memo && verdicts.has(memo)) why = verdicts.get(memo) ?? null;
          else {
            why = row.check(a);
            if (memo) verdicts.set(memo, why);
          }
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

const STORM = Math.max(0, Math.min(50_000, Number(process.env.BENCH_STORM ?? 10_000) || 0));
const STORM_SECONDS = intFromEnv("BENCH_STORM_SECONDS", 30, 600);
/**
 * Signed-in chatters during the storm: the demo accounts (each may send one message a second), or
 * BENCH_CHATTERS as `email:password,…`; BENCH_CHATTERS=none sends nothing.
 */
const CHATTERS: TAccount[] =
  process.env.BENCH_CHATTERS === "none"
    ? []
    : (
        process.env.BENCH_CHATTERS ??
        "shopper@onair.test:onair-demo,seller@onair.test:onair-demo,admin@onair.test:onair-demo"
      )
        .split(",")
        .filter(Boolean)
        .map((pair) => {
          const at = pair.indexOf(":");
          return { email: pair.slice(0, at), password: pair.slice(at + 1) };
        });

type TStorm = {
  arrivals: number;
  spreadSeconds: number;
  served: number;
  failed: number;
  firstFailure: string | null;
  joinedP50Ms: number;
  joinedP99Ms: number;
  joinedMaxMs: number;
  pageP99Ms: number;
  playlist: "fetched" | "show not live";
  lastArrivalDoneAfterSeconds: number;
  /** Messages sent by signed-in chatters during the storm, send to delivery on every slave. */
  chat: TChatProbe | null;
  /** CPU seconds per tier from the storm's start to its last arrival (processes of this checkout only). */
  cpuSeconds: Record<string, number>;
  /** The bench's own CPU seconds meanwhile: its storm workers, and the main process (the chat probe). */
  benchCpuSeconds: { workers: number; probe: number };
};

/** A step's failure names the step: "playlist: socket hang up". */
const named = <T>(step: string, p: Promise<T>): Promise<T> =>
  p.catch((err: unknown) => {
    throw new Error(`${step}: ${(err as Error).message}`);
  });

/** One arrival: page, room, chat node, join, playlist, on a connection of its own. */
async function arrive(
  slug: string,
  roomId: string,
  hlsUrl: string | null,
): Promise<{ joinedMs: number; pageMs: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const started = performance.now();
  try {
    const headers = { accept: "text/html", "accept-language": "en", "accept-encoding": "gzip" };
    const page = await named("page", request(agent, `/live/${slug}`, { headers }));
    if (page.status !== 200) throw new Error(`page ${page.status}`);
    const pageMs = page.ms;
    const room = await named("room", request(agent, `/api/rooms/${slug}`));
    if (room.status !== 200) throw new Error(`room ${room.status}`);
    const node = await named("chat-node", request(agent, `/api/rooms/${roomId}/chat-node`));
    const url = (JSON.parse(node.body.toString("utf8")) as { url?: string }).url;
    if (node.status !== 200 || !url) throw new Error(`chat-node ${node.status}`);
    await joinRoom(url, roomId);
    const joinedMs = performance.now() - started;
    if (hlsUrl) {
      const playlist = await named("playlist", request(agent, hlsUrl));
      if (playlist.status !== 200) throw new Error(`playlist ${playlist.status}`);
    }
    return { joinedMs, pageMs };
  } finally {
    agent.destroy();
  }
}

type TRoomForStorm = { id: string; hlsUrl: string | null; status: string };
type TStormPart = {
  joined: number[];
  pages: number[];
  failed: number;
  firstFailure: string | null;
  /** The worker's own CPU seconds over its arrivals (it shares the machine's cores with the servers). */
  cpuSeconds: number;
};
const STORM_WORKERS = intFromEnv("BENCH_STORM_WORKERS", 1, 16);

/** Arrivals part, part + parts, … of the storm, each at its slot after `startAt` (epoch ms). */
async function stormPart(
  slug: string,
  room: TRoomForStorm,
  part: number,
  parts: number,
  startAt: number,
): Promise<TStormPart> {
  const hlsUrl = room.status === "LIVE" ? room.hlsUrl : null;
  const cpuBefore = process.cpuUsage();
  const out: TStormPart = { joined: [], pages: [], failed: 0, firstFailure: null, cpuSeconds: 0 };
  const gap = (STORM_SECONDS * 1000) / STORM;
  const all: Promise<void>[] = [];
  for (let i = part; i < STORM; i += parts) {
    const wait = startAt + i * gap - Date.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    all.push(
      arrive(slug, room.id, hlsUrl).then(
        (r) => {
          out.joined.push(r.joinedMs);
          out.pages.push(r.pageMs);
        },
        (err: unknown) => {
          out.failed++;
          out.firstFailure ??= (err as Error).message;
        },
      ),
    );
  }
  await Promise.all(all);
  const cpu = process.cpuUsage(cpuBefore);
  out.cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return out;
}

/**
 * The storm, from BENCH_STORM_WORKERS (1) child processes: one Node process opening 333 WebSockets/s with
 * socket.io-client may delay its own arrivals (the servers used ~0.6 of a core while join p99 was 18 s);
 * on a machine with cores to spare, more workers tell the bench's share from the servers'. On the shared
 * 2-core VM two workers did worse (load 12).
 */
async function storm(slug: string): Promise<TStorm> {
  const room = JSON.parse(textOf(await request(new http.Agent(), `/api/rooms/${slug}`))) as TRoomForStorm;
  const probe = CHATTERS.length > 0 ? await startChatProbe(BASE, room.id, CHATTERS) : null;
  const pids = tierPids();
  const cpuBefore = tierCpu(pids);
  const ownBefore = process.cpuUsage();
  const startAt = Date.now() + 2000;
  const parts = await Promise.all(
    Array.from(
      { length: STORM_WORKERS },
      (_, part) =>
        new Promise<TStormPart>((resolve, reject) => {
          const child = fork(process.argv[1]!, {
            // BENCH_STORM_CPU_PROF=<dir>: each worker writes a V8 CPU profile of its arrivals there.
            execArgv: process.env.BENCH_STORM_CPU_PROF
              ? [...process.execArgv, "--cpu-prof", "--cpu-prof-dir", process.env.BENCH_STORM_CPU_PROF]
              : process.execArgv,
            env: {
              ...process.env,
              BENCH_STORM_PART: JSON.stringify({ part, parts: STORM_WORKERS, startAt, room }),
            },
          });
          child.once("message", (m) => resolve(m as TStormPart));
          child.once("exit", (code) => code !== 0 && reject(new Error(`storm worker exited with ${code}`)));
        }),
    ),
  );
  const cpuSeconds = cpuBetween(cpuBefore, tierCpu(pids));
  const own = process.cpuUsage(ownBefore);
  const lastArrivalDoneAfterSeconds = round((Date.now() - startAt) / 1000);
  const chat = probe ? await probe.stop() : null;
  const joined = parts.flatMap((p) => p.joined).sort((a, b) => a - b);
  const pages = parts.flatMap((p) => p.pages).sort((a, b) => a - b);
  return {
    arrivals: STORM,
    spreadSeconds: STORM_SECONDS,
    served: joined.length,
    failed: parts.reduce((n, p) => n + p.failed, 0),
    firstFailure: parts.find((p) => p.firstFailure)?.firstFailure ?? null,
    joinedP50Ms: round(percentile(joined, 50)),
    joinedP99Ms: round(percentile(joined, 99)),
    joinedMaxMs: round(joined.at(-1) ?? 0),
    pageP99Ms: round(percentile(pages, 99)),
    playlist: room.status === "LIVE" && room.hlsUrl ? "fetched" : "show not live",
    lastArrivalDoneAfterSeconds,
    chat,
    cpuSeconds,
    benchCpuSeconds: {
      workers: round(parts.reduce((n, p) => n + p.cpuSeconds, 0)),
      probe: round((own.user + own.system) / 1e6),
    },
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
    throw new Error(`sign-in failed with ${a.status}: ${textOf(a).slice(0, 200)}`);
  const name = (JSON.parse(textOf(a)) as { user: { name: string } }).user.name;
  return { cookie: setCookie.split(";")[0]!, name };
}

async function main(): Promise<void> {
  assertLoopback(BASE);
  const shopper = await signIn();
  const room = await request(new http.Agent(), `/api/rooms/${SLUG}`);
  if (room.status !== 200)
    throw new Error(`GET /api/rooms/${SLUG} answered ${room.status}: is the show seeded?`);
  const { id, title } = JSON.parse(textOf(room)) as { id: string; title: string };
  const etag = String(room.headers.etag ?? "");
  // What a browser sends: pages come gzipped.
  const html = { accept: "text/html", "accept-language": "en-US,en;q=0.9", "accept-encoding": "gzip" };
  const signedIn = { ...html, cookie: shopper.cookie };
  // Titles are HTML-escaped in the page; the demo show's title has no characters that change.
  const isPage = (mustName: string | null) => (a: TAnswer) => {
    if (a.status !== 200) return `status ${a.status}`;
    const text = textOf(a);
    if (!text.includes("</html>")) return "not a whole HTML page";
    if (mustName && !text.includes(mustName)) return `page does not name "${mustName}"`;
    // The signed-in shopper's name is filled in by the browser: a page carrying it was rendered for them.
    if (text.includes(shopper.name)) return `page names the signed-in shopper "${shopper.name}"`;
    return null;
  };
  const allRows: TRow[] = [
    { name: "page guest", route: `/live/${SLUG}`, headers: html, check: isPage(title) },
    { name: "page signed-in", route: `/live/${SLUG}`, headers: signedIn, check: isPage(title) },
    { name: "home guest", route: "/", headers: html, check: isPage(null) },
    { name: "home signed-in", route: "/", headers: signedIn, check: isPage(null) },
    {
      name: "room json",
      route: `/api/rooms/${SLUG}`,
      headers: {},
      check: (a) =>
        a.status !== 200 ? `status ${a.status}` : !textOf(a).includes(`"id":"${id}"`) ? "wrong room" : null,
    },
    {
      name: "room json 304",
      route: `/api/rooms/${SLUG}`,
      headers: { "if-none-match": etag },
      // A change in the room meanwhile (stock) answers 200 with the new bytes: also right.
      check: (a) => (a.status === 304 || a.status === 200 ? null : `status ${a.status}`),
    },
  ];
  const rows = allRows.filter((r) => ROWS.length === 0 || ROWS.includes(r.name));

  const results: TResult[] = [];
  for (const row of rows) {
    process.stdout.write(`${row.name}…\n`);
    results.push(await run(row));
  }

  let stormResult: TStorm | null = null;
  if (STORM > 0 && (ROWS.length === 0 || ROWS.includes("storm"))) {
    process.stdout.write(`storm: ${STORM} arrivals in ${STORM_SECONDS} s…\n`);
    stormResult = await storm(SLUG);
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
  if (stormResult) {
    const { chat, cpuSeconds, benchCpuSeconds, ...arrivals } = stormResult;
    console.log(`\nStorm: ${stormResult.arrivals} arrivals in ${stormResult.spreadSeconds} s`);
    console.table([arrivals]);
    if (chat) {
      console.log("Chat sent during the storm (send → delivery on every slave):");
      console.table([{ ...chat, refused: JSON.stringify(chat.refused) }]);
    }
    console.log("CPU seconds per tier during the storm:");
    console.table([cpuSeconds]);
    console.log("The bench's own CPU seconds meanwhile (storm workers, main process with the chat probe):");
    console.table([benchCpuSeconds]);
  }
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
        storm: stormResult,
      },
      null,
      2,
    ) + "\n",
  );
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}

async function stormWorker(spec: string): Promise<void> {
  const { part, parts, startAt, room } = JSON.parse(spec) as {
    part: number;
    parts: number;
    startAt: number;
    room: TRoomForStorm;
  };
  const result = await stormPart(SLUG, room, part, parts, startAt);
  process.send?.(result, () => process.exit(0));
}

(process.env.BENCH_STORM_PART ? stormWorker(process.env.BENCH_STORM_PART) : main()).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
