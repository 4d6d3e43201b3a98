/**
 * Checkout benchmark: a flash sale over real HTTP against a running system (`npm start`), loopback only,
 * bounded in count and time. Prints a table and writes bench/results/checkout[-<label>].json.
 *
 *   BENCH_URL=http://127.0.0.1:3000 npm run bench:checkout                  # burst (the issue's target)
 *   BENCH_MODE=spike BENCH_URL=http://127.0.0.1:3000 npm run bench:checkout # spike
 *
 * burst: BENCH_BUYERS (250) buyers each send BENCH_ATTEMPTS (8) one-unit checkouts of one product holding
 *   BENCH_STOCK (1500) units, all at once. Exactly BENCH_STOCK must sell, every other answer must be 409
 *   OUT_OF_STOCK; orders/s counts until the last unit sold.
 * taps: the same sale, but each buyer taps Buy again only once the last answer came (the buyers all start
 *   at once, each with one checkout in flight): 250 requests outstanding instead of 2,000.
 * spike: BENCH_BUYERS (1000) × BENCH_ATTEMPTS (10) checkouts spread evenly over BENCH_SPREAD_MS (2000) on
 *   BENCH_STOCK (300) units: every request must be answered, nothing lost, nothing oversold.
 * Both also put the product in the demo show and time, with a viewer's socket on the chat tier, how long
 * after the last unit sold the viewer got `product:update` with stock 0 (the product greys out): from the
 * moment the last 201 reached this process to the moment the update did. Both wait for this process's
 * event loop, busy with the burst's answers: a trace of the server's clocks (docs/PERFORMANCE.md, 2026-12-08)
 * found the last 201 arriving 6-88 ms after the server committed its order, so read the figure with that margin.
 * Buyers' tokens are kept in data/bench-buyers-<port>.json: a sign-up costs a password hash (~90 ms of
 * the web tier's CPU), so only the first run on a database pays for them. BENCH_LABEL names the result file.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { io } from "socket.io-client";
import { assertLoopback, intFromEnv } from "@/bench/support/bench-env";

const MODE =
  process.env.BENCH_MODE === "spike" || process.env.BENCH_MODE === "taps" ? process.env.BENCH_MODE : "burst";
const BASE = new URL(process.env.BENCH_URL ?? "http://127.0.0.1:3000");
const BUYERS = intFromEnv("BENCH_BUYERS", MODE === "spike" ? 1000 : 250, 2000);
const ATTEMPTS = intFromEnv("BENCH_ATTEMPTS", MODE === "spike" ? 10 : 8, 50);
const STOCK = intFromEnv("BENCH_STOCK", MODE === "spike" ? 300 : 1500, 100_000);
const SPREAD_MS = MODE === "spike" ? intFromEnv("BENCH_SPREAD_MS", 2000, 60_000) : 0;
const TIMEOUT_MS = intFromEnv("BENCH_SECONDS", 120, 600) * 1000;
const LABEL = process.env.BENCH_LABEL ?? (MODE === "burst" ? "" : MODE);
const SELLER = {
  email: process.env.BENCH_SELLER_EMAIL ?? "seller@onair.test",
  password: process.env.BENCH_SELLER_PASSWORD ?? "onair-demo",
};

type TAnswer = { status: number; json: unknown; ms: number; doneAt: number };

/**
 * One buyer's browser: keep-alive connections, at most 6 to one host (what Chromium and Firefox allow over
 * HTTP/1.1), so 250 buyers open what 250 real shoppers would, not one socket per request.
 */
const browser = () => new http.Agent({ keepAlive: true, maxSockets: 6 });
const shared = browser();

function call(
  method: string,
  route: string,
  body?: unknown,
  token?: string,
  agent = shared,
): Promise<TAnswer> {
  const started = performance.now();
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      new URL(route, BASE),
      {
        method,
        agent,
        timeout: TIMEOUT_MS,
        headers: {
          "content-type": "application/json",
          ...(payload ? { "content-length": Buffer.byteLength(payload) } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          let json: unknown = null;
          try {
            json = JSON.parse(Buffer.concat(chunks).toString("utf8"));
          } catch {
            json = null;
          }
          const doneAt = performance.now();
          resolve({ status: res.statusCode ?? 0, json, ms: doneAt - started, doneAt });
        });
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error("timed out")));
    req.on("error", reject);
    req.end(payload);
  });
}

function tokenOf(a: TAnswer, what: string): string {
  const t = (a.json as { token?: string } | null)?.token;
  if ((a.status !== 200 && a.status !== 201) || !t)
    throw new Error(`${what} failed with ${a.status}: ${JSON.stringify(a.json)}`);
  return t;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const round = (n: number) => Number(n.toFixed(1));

/** Signed-in buyers, reused across runs on the same database (see the header). */
async function buyers(count: number): Promise<string[]> {
  const file = path.resolve(`data/bench-buyers-${BASE.port || "80"}.json`);
  let tokens: string[] = [];
  try {
    tokens = JSON.parse(readFileSync(file, "utf8")) as string[];
  } catch {
    tokens = [];
  }
  if (tokens.length > 0 && (await call("GET", "/api/orders", undefined, tokens[0])).status !== 200)
    tokens = [];
  const run = Date.now().toString(36);
  const missing = Math.max(0, count - tokens.length);
  // Sign-ups in waves of 50: each is a password hash on the server, all at once would only queue.
  for (let start = 0; start < missing; start += 50) {
    const wave = await Promise.all(
      Array.from({ length: Math.min(50, missing - start) }, async (_, i) => {
        const res = await call("POST", "/api/users", {
          email: `bench-${run}-${start + i}@bench.onair.test`,
          password: "bench-password-1",
          name: `Bench buyer ${start + i}`,
        });
        if (res.status === 429) {
          throw new Error(
            `sign-ups are throttled per address: start the system with SIGNUP_LIMIT_PER_HOUR=${count * 10} or more for this benchmark`,
          );
        }
        return tokenOf(res, "buyer sign-up");
      }),
    );
    tokens.push(...wave);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(tokens));
  }
  return tokens.slice(0, count);
}

/** A viewer of the demo show on the chat tier: resolves with the time stock 0 of `productId` arrived. */
async function viewer(roomId: string, productId: string) {
  const node = (await call("GET", `/api/rooms/${roomId}/chat-node`)).json as { url?: string } | null;
  if (!node?.url) return null;
  const socket = io(node.url, { transports: ["websocket"], reconnection: false });
  let soldOutAt: number | null = null;
  socket.on("product:update", (u: { productId?: string; stock?: number }) => {
    if (u.productId === productId && u.stock === 0 && soldOutAt === null) soldOutAt = performance.now();
  });
  await new Promise<void>((resolve, reject) => {
    socket.on("connect_error", reject);
    socket.on("connect", () => socket.emit("room:join", { roomId }, () => resolve()));
  });
  return { soldOutAt: () => soldOutAt, close: () => socket.close() };
}

async function main(): Promise<void> {
  assertLoopback(BASE);
  const health = await call("GET", "/api/health").catch(() => null);
  if (!health || health.status !== 200) {
    console.error(`No OnAir web tier answers at ${BASE.origin} (start it with npm start, or set BENCH_URL).`);
    process.exit(2);
  }
  const sellerToken = tokenOf(await call("POST", "/api/session", SELLER), "seller sign-in");
  const created = await call(
    "POST",
    "/api/products",
    { name: `Bench hot product ${Date.now()}`, priceMinor: 19900, stock: STOCK },
    sellerToken,
  );
  const productId = (created.json as { product?: { id: string } } | null)?.product?.id;
  if (created.status !== 201 || !productId)
    throw new Error(`product create failed with ${created.status}: ${JSON.stringify(created.json)}`);

  // Put it in the demo show (and take it out afterwards) so a viewer can watch it sell out.
  const room = (await call("GET", "/api/rooms/demo-live")).json as {
    id: string;
    products: { id: string }[];
  } | null;
  const showProducts = room?.products.map((p) => p.id) ?? [];
  if (room)
    await call(
      "PUT",
      `/api/rooms/${room.id}/products`,
      { productIds: [...showProducts, productId] },
      sellerToken,
    );
  const watcher = room ? await viewer(room.id, productId).catch(() => null) : null;

  const tokens = await buyers(BUYERS);
  const loadAverage = os.loadavg().map((l) => Number(l.toFixed(2)));
  const answers: TAnswer[] = [];
  let failures = 0;
  const started = performance.now();
  const errors: Record<string, number> = {};
  const agents = tokens.map(() => browser());
  const attempt = async (token: string, b: number, a: number) => {
    const i = b * ATTEMPTS + a;
    if (SPREAD_MS > 0) await new Promise((r) => setTimeout(r, (i / (BUYERS * ATTEMPTS)) * SPREAD_MS));
    try {
      answers.push(
        await call(
          "POST",
          "/api/checkout",
          { lines: [{ productId, quantity: 1 }], idempotencyKey: `bench-${productId}-${b}-${a}` },
          token,
          agents[b],
        ),
      );
    } catch {
      failures++; // no answer (timeout, reset): "every request answered" fails
    }
  };
  await Promise.all(
    tokens.map(async (token, b) => {
      if (MODE === "taps") for (let a = 0; a < ATTEMPTS; a++) await attempt(token, b, a);
      else await Promise.all(Array.from({ length: ATTEMPTS }, (_, a) => attempt(token, b, a)));
    }),
  );
  const lastAnswer = Math.max(...answers.map((a) => a.doneAt)) - started;

  const code = (a: TAnswer) => (a.json as { error?: { code?: string } } | null)?.error?.code;
  const sold = answers.filter((a) => a.status === 201);
  const outOfStock = answers.filter((a) => a.status === 409 && code(a) === "OUT_OF_STOCK").length;
  const others: Record<string, number> = {};
  for (const a of answers) {
    if (a.status === 201 || (a.status === 409 && code(a) === "OUT_OF_STOCK")) continue;
    const k = `${a.status} ${code(a) ?? ""}`.trim();
    others[k] = (others[k] ?? 0) + 1;
  }
  const soldOutAt = sold.length ? Math.max(...sold.map((a) => a.doneAt)) : performance.now();
  const secondsToSellOut = (soldOutAt - started) / 1000;
  await new Promise((r) => setTimeout(r, 1000)); // let the last product:update arrive
  const viewerSoldOutAt = watcher?.soldOutAt() ?? null;
  watcher?.close();
  agents.forEach((a) => a.destroy());
  if (room) await call("PUT", `/api/rooms/${room.id}/products`, { productIds: showProducts }, sellerToken);

  const product = await call("GET", `/api/products/${productId}`);
  const stockLeft = (product.json as { product: { stock: number } }).product.stock;
  const latencies = answers.map((a) => a.ms).sort((x, y) => x - y);
  const result = {
    mode: MODE,
    at: new Date().toISOString(),
    target: BASE.origin,
    machine: {
      cpus: os.cpus().length,
      node: process.version,
      loadAverageAtStart: loadAverage,
      loadAverageAtEnd: os.loadavg().map((l) => Number(l.toFixed(2))),
    },
    buyers: BUYERS,
    attemptsPerBuyer: ATTEMPTS,
    spreadMs: SPREAD_MS,
    stock: STOCK,
    requests: BUYERS * ATTEMPTS,
    answered: answers.length,
    unanswered: failures,
    unansweredErrors: errors,
    sold: sold.length,
    outOfStock,
    otherAnswers: others,
    secondsToSellOut: round(secondsToSellOut),
    ordersPerSecond: round(sold.length / secondsToSellOut),
    lastAnswerMs: round(lastAnswer),
    latencyMs: {
      p50: round(percentile(latencies, 50)),
      p99: round(percentile(latencies, 99)),
      max: round(latencies.at(-1) ?? 0),
    },
    viewerSawSoldOutMs: viewerSoldOutAt === null ? null : round(Math.max(0, viewerSoldOutAt - soldOutAt)),
    stockLeft,
    oversell: Math.max(0, sold.length - STOCK) + Math.max(0, -stockLeft),
    unitsUnaccounted: STOCK - sold.length - stockLeft,
  };

  console.table({
    "requests answered": `${result.answered} / ${result.requests}`,
    "sold (201)": result.sold,
    "409 OUT_OF_STOCK": result.outOfStock,
    "other answers": JSON.stringify(result.otherAnswers),
    "orders/s until sold out": result.ordersPerSecond,
    "p50 / p99 / max (ms)": `${result.latencyMs.p50} / ${result.latencyMs.p99} / ${result.latencyMs.max}`,
    "last answer after (ms)": result.lastAnswerMs,
    "viewer saw stock 0 after (ms)": result.viewerSawSoldOutMs,
    "stock left": result.stockLeft,
    "oversell (must be 0)": result.oversell,
    "units unaccounted (must be 0)": result.unitsUnaccounted,
    "load average at start": loadAverage.join(" "),
  });
  const out = path.resolve(`bench/results/checkout${LABEL ? `-${LABEL}` : ""}.json`);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`Wrote ${path.relative(process.cwd(), out)}`);
  shared.destroy();
  const clean = result.oversell === 0 && result.unitsUnaccounted === 0 && result.unanswered === 0;
  const exact = MODE === "spike" || (result.sold === STOCK && Object.keys(others).length === 0);
  if (!clean || !exact) process.exit(1);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
