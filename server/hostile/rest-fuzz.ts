import type { THostileContext } from "@/server/hostile/context";
import { mutateBody, TRICKY_STRINGS, type Rng } from "@/server/hostile/rng";
import { TEST_CARD, TEST_SHIPPING } from "@/server/commerce/test/payment-fixtures";

type TWho = "anon" | "shopper" | "seller" | "admin";
type TEndpoint = { method: string; path: string; who: TWho; body?: Record<string, unknown> };

/**
 * Every REST endpoint with a body shaped like a valid one; the generator breaks it. Room, product and user
 * placeholders point at rows only these inputs touch ({room} = the fuzz show), so an input that happens to
 * be valid changes nothing another case relies on. Drains are only tried without the admin's token: a valid
 * `{ draining: true }` would really move the chat clients.
 */
const ENDPOINTS: readonly TEndpoint[] = [
  {
    method: "POST",
    path: "/api/session",
    who: "anon",
    body: { email: "shopper@onair.test", password: "wrong-password" },
  },
  { method: "GET", path: "/api/session", who: "shopper" },
  {
    method: "POST",
    path: "/api/users",
    who: "anon",
    body: { email: "{email}", password: "long-enough-pw", name: "Fuzz", role: "SHOPPER" },
  },
  { method: "GET", path: "/api/users?q={q}", who: "admin" },
  { method: "GET", path: "/api/rooms", who: "anon" },
  { method: "GET", path: "/api/rooms/{room}", who: "anon" },
  { method: "GET", path: "/api/rooms/{room}/chat-node?exclude={q}", who: "anon" },
  {
    method: "PATCH",
    path: "/api/rooms/{room}/chat",
    who: "seller",
    body: { slowModeSeconds: 0, blockedWords: ["scam"], separation: "AUTO" },
  },
  { method: "POST", path: "/api/rooms/{room}/notices", who: "seller", body: { text: "notice" } },
  { method: "DELETE", path: "/api/rooms/{room}/messages/{message}", who: "seller" },
  {
    method: "POST",
    path: "/api/rooms/{room}/sanctions",
    who: "seller",
    body: { userId: "{user}", type: "MUTE", minutes: 5 },
  },
  { method: "DELETE", path: "/api/rooms/{room}/sanctions/{user}?type={q}", who: "seller" },
  { method: "POST", path: "/api/rooms/{room}/pin", who: "seller", body: { productId: "{product}" } },
  { method: "PUT", path: "/api/rooms/{room}/products", who: "seller", body: { productIds: ["{product}"] } },
  { method: "GET", path: "/api/rooms/{room}/deals", who: "anon" },
  {
    method: "POST",
    path: "/api/rooms/{room}/deals",
    who: "seller",
    body: { productId: "{product}", dealPriceMinor: 1000, durationSeconds: 60, limitPerBuyer: 1 },
  },
  { method: "DELETE", path: "/api/rooms/{room}/deals/{product}", who: "seller" },
  { method: "GET", path: "/api/rooms/{room}/sales?viewers={q}", who: "seller" },
  { method: "PATCH", path: "/api/rooms/{room}/sales", who: "seller", body: { announcePurchases: false } },
  { method: "GET", path: "/api/rooms/{room}/live", who: "seller" },
  { method: "DELETE", path: "/api/rooms/{room}/live", who: "seller" },
  { method: "GET", path: "/api/rooms/{room}/replay", who: "anon" },
  { method: "GET", path: "/api/products?archived={q}", who: "seller" },
  {
    method: "POST",
    path: "/api/products",
    who: "seller",
    body: { name: "Fuzz product", priceMinor: 1000, stock: 1, description: "", imageUrl: null },
  },
  {
    method: "PATCH",
    path: "/api/products/{product}",
    who: "seller",
    body: { stockDelta: 1, name: "Renamed" },
  },
  { method: "GET", path: "/api/products/{product}", who: "seller" },
  {
    method: "POST",
    path: "/api/orders",
    who: "shopper",
    body: { productId: "{product}", quantity: 1, idempotencyKey: "{key}" },
  },
  { method: "GET", path: "/api/orders", who: "shopper" },
  { method: "GET", path: "/api/orders/{order}", who: "shopper" },
  {
    method: "POST",
    path: "/api/orders/{order}/pay",
    who: "shopper",
    body: { card: TEST_CARD, shipping: TEST_SHIPPING },
  },
  { method: "POST", path: "/api/orders/{order}/cancel", who: "shopper", body: {} },
  {
    method: "POST",
    path: "/api/checkout",
    who: "shopper",
    body: { lines: [{ productId: "{product}", quantity: 1 }], idempotencyKey: "{key}" },
  },
  { method: "GET", path: "/api/chat/nodes", who: "anon" },
  { method: "GET", path: "/api/chat/ticket", who: "shopper" },
  { method: "GET", path: "/api/admin/overview", who: "admin" },
  { method: "GET", path: "/api/admin/nodes", who: "admin" },
  { method: "POST", path: "/api/admin/nodes/{node}/drain", who: "shopper", body: { draining: true } },
  { method: "GET", path: "/api/admin/media-nodes", who: "admin" },
  { method: "POST", path: "/api/admin/media-nodes/{node}/drain", who: "seller", body: { draining: true } },
  { method: "GET", path: "/api/admin/users?q={q}&role={q}", who: "admin" },
  {
    method: "PATCH",
    path: "/api/admin/users/{user}",
    who: "admin",
    body: { role: "SHOPPER", disabled: false },
  },
  { method: "GET", path: "/api/admin/audit?action={q}&before={q}&take={q}", who: "admin" },
  { method: "GET", path: "/api/admin/rooms/{room}/sanctions", who: "admin" },
  { method: "POST", path: "/api/uploads", who: "seller" },
  { method: "GET", path: "/api/uploads/{q}", who: "anon" },
  { method: "GET", path: "/api/{q}", who: "anon" },
  { method: "GET", path: "/api/health", who: "anon" },
];

/** Path parameters an attacker tries instead of a real id. */
const BAD_IDS = [
  "..",
  "%2e%2e",
  "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
  "%00",
  "%E0%A4%A",
  "%ZZ",
  "a".repeat(300),
  "%F0%9F%98%80",
  "%E2%80%AE",
  "null",
  "undefined",
  "0",
  "-1",
  "1e309",
  "__proto__",
  "constructor",
  "%20",
  "demo-live",
  "x%0d%0aSet-Cookie:%20a=b",
];

export type TRestTally = {
  users: number;
  orders: number;
  products: number;
  notices: number;
  accepted: number;
};

type TIds = { orderIds: string[]; messageIds: string[]; nodeIds: string[] };

/** encodeURIComponent, and a lone surrogate (which it refuses) as the bytes a sloppy client would send. */
export function encode(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return "%ED%A0%80";
  }
}

function fill(r: Rng, template: string, ctx: THostileContext, ids: TIds): string {
  const real: Record<string, () => string> = {
    room: () => ctx.fuzzRoomId,
    product: () => r.pick(ctx.fuzzProductIds),
    user: () => ctx.fuzzUserId,
    order: () => r.pick(ids.orderIds.length ? ids.orderIds : ["none"]),
    message: () => r.pick(ids.messageIds.length ? ids.messageIds : ["1"]),
    node: () => r.pick(ids.nodeIds.length ? ids.nodeIds : ["slave-1"]),
    q: () => encode(r.pick(TRICKY_STRINGS).slice(0, 300)),
    key: () => `fuzz-${r.int(1_000_000)}`,
    email: () => `fuzz-${r.int(1_000_000)}@onair.test`,
  };
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name !== "q" && r.chance(0.15)) return r.pick(BAD_IDS);
    return real[name]?.() ?? name;
  });
}

function fillBody(
  r: Rng,
  body: Record<string, unknown>,
  ctx: THostileContext,
  ids: TIds,
): Record<string, unknown> {
  const text = JSON.stringify(body).replace(/\{(\w+)\}/g, (_, name: string) =>
    fill(r, `{${name}}`, ctx, ids).replace(/"/g, ""),
  );
  return JSON.parse(text) as Record<string, unknown>;
}

function tokenFor(r: Rng, who: TWho, ctx: THostileContext, path: string): string | undefined {
  // A drain with the admin's token is a real drain: the chat clients of every later case would move.
  if (path.includes("/drain"))
    return [undefined, ctx.accounts.shopper.token, ctx.accounts.seller.token, "x"][r.int(4)];
  const roll = r.next();
  if (roll < 0.6) return who === "anon" ? undefined : ctx.accounts[who].token;
  if (roll < 0.7) return undefined;
  if (roll < 0.8) return ctx.accounts.shopper2.token;
  if (roll < 0.9)
    return r.pick([
      "x",
      "a".repeat(5000),
      "ct1.e30.AAAA",
      ctx.accounts.seller.token.slice(0, -2),
      "Basic Og==",
    ]);
  return ctx.accounts.admin.token;
}

/**
 * `count` generated REST inputs. Every answer must come in time, never be a 5xx, and every API 4xx must be
 * the JSON error. Returns what was accepted (2xx creations), so the caller can check the database holds
 * exactly those and nothing else.
 */
export async function fuzzRest(ctx: THostileContext, count: number, ids: TIds): Promise<TRestTally> {
  const { probe, rng: r } = ctx;
  const tally: TRestTally = { users: 0, orders: 0, products: 0, notices: 0, accepted: 0 };
  const one = async () => {
    const ep = r.pick(ENDPOINTS);
    const path = fill(r, ep.path, ctx, ids);
    const token = tokenFor(r, ep.who, ctx, ep.path);
    const headers: Record<string, string> = {};
    let body: string | Buffer | undefined;
    if (ep.path === "/api/uploads") {
      // Not images: text, a PNG signature with garbage after it, an SVG with script, random bytes.
      body = r.pick([
        Buffer.from("just text"),
        Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2000, 7)]),
        Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"),
        Buffer.from(Array.from({ length: 4096 }, () => r.int(256))),
        Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]),
      ]);
      headers["content-type"] = r.pick([
        "image/png",
        "image/jpeg",
        "image/svg+xml",
        "multipart/form-data; boundary=x",
        "text/plain",
      ]);
    } else if (ep.body) {
      const valid = fillBody(r, ep.body, ctx, ids);
      const m = r.chance(0.1)
        ? { text: JSON.stringify(valid), type: "application/json" }
        : mutateBody(r, valid);
      body = m.text;
      if (m.type) headers["content-type"] = m.type;
    } else if (r.chance(0.2)) {
      body = r.pick(["{", "x".repeat(1000), JSON.stringify({ a: 1 })]);
      headers["content-type"] = "application/json";
    }
    if (r.chance(0.05))
      headers["idempotency-key"] = r
        .pick(TRICKY_STRINGS)
        .replace(/[^\x20-\x7e]/g, "?")
        .slice(0, 200);
    if (r.chance(0.03)) headers.origin = "https://evil.example";
    const answer = await probe.http({ method: ep.method, path, headers, body, token });
    if (path.startsWith("/api/")) probe.checkApiError(answer, `${ep.method} ${path.slice(0, 100)}`);
    if (answer.status >= 200 && answer.status < 300) tally.accepted += 1;
    if (answer.status === 201) {
      if (ep.path === "/api/users") tally.users += 1;
      if (ep.path === "/api/orders" || ep.path === "/api/checkout") tally.orders += 1;
      if (ep.path === "/api/products") tally.products += 1;
      if (ep.path.endsWith("/notices")) tally.notices += 1;
    }
  };
  let left = count;
  const worker = async () => {
    while (left > 0) {
      left -= 1;
      await one();
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return tally;
}
