/**
 * Checkout benchmark: one hot product, many concurrent buyers ordering it over HTTP against a running
 * web tier, until it sells out. Prints orders/s, p50/p99 latency and the oversell count (must be 0) and
 * writes bench/results/checkout.json.
 *
 *   BENCH_URL=http://127.0.0.1:3000 npm run bench:checkout
 *
 * BENCH_BUYERS (50), BENCH_STOCK (500), BENCH_REQUESTS (2000, total cap), BENCH_SECONDS (60, time cap).
 * Only loopback targets are allowed. Uses the demo seller (BENCH_SELLER_EMAIL / BENCH_SELLER_PASSWORD).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const int = (name: string, fallback: number, max: number) =>
  Math.min(max, Math.max(1, Number(process.env[name] ?? fallback) || fallback));
const BASE = new URL(process.env.BENCH_URL ?? "http://127.0.0.1:3000");
const BUYERS = int("BENCH_BUYERS", 50, 500);
const STOCK = int("BENCH_STOCK", 500, 100_000);
const MAX_REQUESTS = int("BENCH_REQUESTS", 2000, 20_000);
const MAX_SECONDS = int("BENCH_SECONDS", 60, 600);
const SELLER = {
  email: process.env.BENCH_SELLER_EMAIL ?? "seller@onair.test",
  password: process.env.BENCH_SELLER_PASSWORD ?? "onair-demo",
};

function assertLoopback(url: URL): void {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host)) return;
  console.error(
    `BENCH_URL must point at a loopback address (127.0.0.0/8, ::1, localhost), not ${url.hostname}.`,
  );
  process.exit(2);
}

async function call(
  method: string,
  route: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; json: unknown; ms: number }> {
  const started = performance.now();
  const res = await fetch(new URL(route, BASE), {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json: unknown = await res.json().catch(() => null);
  return { status: res.status, json, ms: performance.now() - started };
}

async function token(status: number, json: unknown, what: string): Promise<string> {
  const t = (json as { token?: string } | null)?.token;
  if ((status !== 200 && status !== 201) || !t)
    throw new Error(`${what} failed with ${status}: ${JSON.stringify(json)}`);
  return Promise.resolve(t);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<void> {
  assertLoopback(BASE);
  const health = await call("GET", "/api/health").catch(() => null);
  if (!health || health.status !== 200) {
    console.error(`No OnAir web tier answers at ${BASE.origin} (start it with npm start, or set BENCH_URL).`);
    process.exit(2);
  }
  const seller = await call("POST", "/api/session", SELLER);
  const sellerToken = await token(seller.status, seller.json, "seller sign-in");
  const created = await call(
    "POST",
    "/api/products",
    { name: `Bench hot product ${Date.now()}`, priceMinor: 19900, stock: STOCK },
    sellerToken,
  );
  const productId = (created.json as { product?: { id: string } } | null)?.product?.id;
  if (created.status !== 201 || !productId)
    throw new Error(`product create failed with ${created.status}: ${JSON.stringify(created.json)}`);

  const run = Date.now().toString(36);
  const buyers = await Promise.all(
    Array.from({ length: BUYERS }, async (_, i) => {
      const res = await call("POST", "/api/users", {
        email: `bench-${run}-${i}@bench.onair.test`,
        password: "bench-password-1",
        name: `Bench buyer ${i}`,
      });
      if (res.status === 429) {
        throw new Error(
          `sign-ups are throttled per address: start the system with SIGNUP_LIMIT_PER_HOUR=${BUYERS * 10} or more for this benchmark`,
        );
      }
      return token(res.status, res.json, "buyer sign-up");
    }),
  );

  const latencies: number[] = [];
  const counts = { created: 0, outOfStock: 0, other: 0 };
  const otherStatuses: Record<string, number> = {};
  let sent = 0;
  let soldOut = false;
  const deadline = Date.now() + MAX_SECONDS * 1000;
  const started = performance.now();

  // Each buyer orders one unit at a time, back to back, until the product sells out or a cap is hit.
  await Promise.all(
    buyers.map(async (buyerToken) => {
      while (!soldOut && sent < MAX_REQUESTS && Date.now() < deadline) {
        sent++;
        const res = await call("POST", "/api/orders", { productId, quantity: 1 }, buyerToken);
        latencies.push(res.ms);
        if (res.status === 201) counts.created++;
        else if (
          res.status === 409 &&
          (res.json as { error?: { code?: string } } | null)?.error?.code === "OUT_OF_STOCK"
        ) {
          counts.outOfStock++;
          soldOut = true;
        } else {
          counts.other++;
          otherStatuses[res.status] = (otherStatuses[res.status] ?? 0) + 1;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;

  const product = await call("GET", `/api/products/${productId}`);
  const stockLeft = (product.json as { product: { stock: number } }).product.stock;
  // Units sold beyond the stock, or a negative stock: either is an oversell.
  const oversell = Math.max(0, counts.created - STOCK) + Math.max(0, -stockLeft);
  // Every unit is either in an order or still in stock: a mismatch means units were lost or duplicated.
  const unitsUnaccounted = STOCK - counts.created - stockLeft;
  latencies.sort((a, b) => a - b);

  const result = {
    at: new Date().toISOString(),
    target: BASE.origin,
    machine: {
      cpus: os.cpus().length,
      node: process.version,
      loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
    },
    buyers: BUYERS,
    stock: STOCK,
    requests: latencies.length,
    ordersCreated: counts.created,
    outOfStock: counts.outOfStock,
    otherErrors: counts.other,
    otherStatuses,
    seconds: Number(seconds.toFixed(2)),
    ordersPerSecond: Number((counts.created / seconds).toFixed(1)),
    requestsPerSecond: Number((latencies.length / seconds).toFixed(1)),
    latencyMs: {
      p50: Number(percentile(latencies, 50).toFixed(1)),
      p99: Number(percentile(latencies, 99).toFixed(1)),
      max: Number((latencies.at(-1) ?? 0).toFixed(1)),
    },
    stockLeft,
    oversell,
    unitsUnaccounted,
  };

  console.table({
    "orders created": result.ordersCreated,
    "409 OUT_OF_STOCK": result.outOfStock,
    "other errors": result.otherErrors,
    "orders/s": result.ordersPerSecond,
    "requests/s": result.requestsPerSecond,
    "p50 latency (ms)": result.latencyMs.p50,
    "p99 latency (ms)": result.latencyMs.p99,
    "stock left": result.stockLeft,
    "oversell (must be 0)": result.oversell,
    "units unaccounted (must be 0)": result.unitsUnaccounted,
  });
  const out = path.resolve("bench/results/checkout.json");
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`Wrote ${path.relative(process.cwd(), out)}`);
  if (result.oversell !== 0 || result.unitsUnaccounted !== 0) process.exit(1);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
