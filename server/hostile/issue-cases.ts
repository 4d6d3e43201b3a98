import { statSync, readFileSync } from "node:fs";
import path from "node:path";
import { db } from "@/server/db";
import { errorCode, json, type TAccount, type THostileContext } from "@/server/hostile/context";
import { ask, connectChat } from "@/server/hostile/chat-cases";
import { hello, ingest } from "@/server/hostile/edge-cases";
import { DATA_DIR, MEDIA_IDLE_SECONDS, METRICS_TOKEN, PORTS } from "@/server/hostile/setup-env";
import { TEST_CARD, TEST_SHIPPING } from "@/server/commerce/test/payment-fixtures";

/**
 * One case for each hole issue 11 lists (the generated inputs cover the same surfaces at random; these pin
 * each fix down). Every check goes to the probe, so a run lists every broken one.
 */

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let serial = 0;

/** Signs up through the API; throws when refused (the suite's own accounts must exist). */
export async function signUp(
  ctx: THostileContext,
  name: string,
  role: "SHOPPER" | "SELLER" = "SHOPPER",
  password = "hostile-suite-pw",
): Promise<TAccount> {
  const email = `hostile-${process.pid}-${++serial}-${Date.now()}@onair.test`;
  const a = await ctx.probe.http({
    method: "POST",
    path: "/api/users",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password, name, role }),
  });
  const res = json<{ token: string; user: { id: string; name: string; role: string } }>(a.body);
  if (a.status !== 201 || !res) throw new Error(`sign-up failed: ${a.status} ${a.body}`);
  return { id: res.user.id, token: res.token, email, name: res.user.name, role: res.user.role };
}

const post = (ctx: THostileContext, path: string, body: unknown, token?: string, method = "POST") =>
  ctx.probe.http({
    method,
    path,
    token,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

/** Pays order `id` with the test card, as the holder of `token`. */
const pay = (ctx: THostileContext, id: string, token: string) =>
  post(ctx, `/api/orders/${id}/pay`, { card: TEST_CARD, shipping: TEST_SHIPPING }, token);

/** High: hello-only publishers hold no live slot, are closed after MEDIA_IDLE_SECONDS, and the real seller goes live. */
export async function idleIngestsHoldNoSlot(
  ctx: THostileContext,
  hoarder: TAccount,
  realShowKey: string,
): Promise<void> {
  const shows = await Promise.all(
    [1, 2, 3].map((n) =>
      db.room.create({
        data: { slug: `hoard-${n}-${Date.now()}`, title: `Hoard ${n}`, sellerId: hoarder.id },
      }),
    ),
  );
  const waitMs = MEDIA_IDLE_SECONDS * 1000 + 5000;
  const idle = shows.map((s) => ingest(s.id, { token: hoarder.token, frames: [hello()], waitMs }));
  await sleep(800);
  ctx.probe.sent += 4;
  const real = await ingest(realShowKey, {
    token: ctx.accounts.seller.token,
    frames: [hello()],
    until: (m) => m.includes('"ready"'),
    waitMs: 8000,
  });
  ctx.probe.check(
    real.code === -2,
    `the real seller's hello is admitted while idle publishers wait: ${JSON.stringify(real)}`,
  );
  for (const o of await Promise.all(idle)) {
    ctx.probe.check(
      o.code === 4420,
      `an idle publisher is closed 4420 after ${MEDIA_IDLE_SECONDS} s: got ${o.code} ${o.reason}`,
    );
  }
}

/** High: a production start generated its own secret (0600, not a published one). */
export function internalSecretGenerated(ctx: THostileContext): void {
  const file = path.join(DATA_DIR, "internal-secret");
  const secret = readFileSync(file, "utf8").trim();
  ctx.probe.check(
    secret.length >= 40 && !["onair-embedded-dev-secret", "change-me-in-production"].includes(secret),
    "the install's internal secret is generated",
  );
  ctx.probe.check((statSync(file).mode & 0o777) === 0o600, "the internal secret file is 0600");
}

/** High: one 200 MB chunked POST is refused at the cap with 413 TOO_LARGE (the memory phase sends 1 GB). */
export async function chunkedPostRefused(
  ctx: THostileContext,
  chunkedPost: (path: string, bytes: number) => Promise<{ status: number; body: string }>,
): Promise<void> {
  ctx.probe.sent += 1;
  const a = await chunkedPost("/api/session", 200 * 1024 * 1024);
  ctx.probe.check(
    a.status === 413 && errorCode(a.body) === "TOO_LARGE",
    `200 MB chunked POST → ${a.status} ${a.body.slice(0, 100)}`,
  );
}

/** Medium: failed sign-ins per account and sign-ups per address answer 429 RATE_LIMITED with Retry-After. */
export async function throttles(ctx: THostileContext, victim: TAccount, signUpsLeft: number): Promise<void> {
  let limited = null;
  for (let i = 0; i < 15 && !limited; i++) {
    const a = await post(ctx, "/api/session", { email: victim.email, password: `wrong-${i}-password` });
    if (a.status === 429) limited = a;
    else ctx.probe.check(a.status === 401, `a wrong password → 401 before the limit`, a);
  }
  ctx.probe.check(
    limited !== null &&
      errorCode(limited.body) === "RATE_LIMITED" &&
      Number(limited.headers["retry-after"]) > 0,
    "the 11th failed sign-in of one account → 429 RATE_LIMITED + Retry-After",
    limited ?? undefined,
  );
  const right = await post(ctx, "/api/session", { email: victim.email, password: "hostile-suite-pw" });
  ctx.probe.check(right.status === 429, "while paused, even the right password waits", right);

  let refused = null;
  let created = 0;
  for (let i = 0; i <= signUpsLeft + 2 && !refused; i++) {
    const a = await post(ctx, "/api/users", {
      email: `limit-${Date.now()}-${i}@onair.test`,
      password: "long-enough-pw",
      name: "Limit",
    });
    if (a.status === 429) refused = a;
    else if (a.status === 201) created += 1;
  }
  ctx.probe.check(
    refused !== null &&
      errorCode(refused.body) === "RATE_LIMITED" &&
      Number(refused.headers["retry-after"]) > 0,
    `sign-ups past SIGNUP_LIMIT_PER_HOUR → 429 RATE_LIMITED + Retry-After (after ${created})`,
    refused ?? undefined,
  );
  ctx.probe.check(created <= signUpsLeft, `no more sign-ups than the limit: ${created} > ${signUpsLeft}`);
}

/** Medium: a self-registered seller named like the host gets no host badge in the host's room; names are normalized. */
export async function impersonation(ctx: THostileContext, fake: TAccount): Promise<void> {
  ctx.probe.check(
    !/[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/.test(fake.name) && fake.name === fake.name.normalize("NFKC"),
    `a sign-up name is normalized: ${JSON.stringify(fake.name)}`,
  );
  const socket = await connectChat(ctx.slaveUrls[0] ?? "", fake.token);
  await ask(socket, "room:join", { roomId: ctx.chatRoomId });
  const ack = await ask(socket, "chat:send", {
    roomId: ctx.chatRoomId,
    text: "Official: 90% off, DM me",
    clientId: `imp-${Date.now()}`,
  });
  ctx.probe.sent += 1;
  ctx.probe.check(
    ack?.ok === true && ack.message?.user.role === "SHOPPER",
    `another seller chats in this room as SHOPPER: ${JSON.stringify(ack?.message?.user ?? ack)}`,
  );
  socket.close();
}

/** Medium: a demoted seller loses products, show settings and ingest at once. */
export async function demotedSeller(ctx: THostileContext, seller: TAccount): Promise<void> {
  const show = await db.room.create({
    data: { slug: `demoted-${Date.now()}`, title: "Demoted", sellerId: seller.id },
  });
  const before = await post(ctx, "/api/products", { name: "Mine", priceMinor: 1000, stock: 1 }, seller.token);
  ctx.probe.check(before.status === 201, "a seller can add a product", before);
  const demote = await post(
    ctx,
    `/api/admin/users/${seller.id}`,
    { role: "SHOPPER" },
    ctx.accounts.admin.token,
    "PATCH",
  );
  ctx.probe.check(demote.status === 200, "the admin demotes the seller", demote);
  const products = await post(
    ctx,
    "/api/products",
    { name: "Still mine?", priceMinor: 1000, stock: 1 },
    seller.token,
  );
  ctx.probe.check(products.status === 403, "a demoted seller cannot add products", products);
  const chat = await post(ctx, `/api/rooms/${show.id}/chat`, { frozen: true }, seller.token, "PATCH");
  ctx.probe.check(chat.status === 403, "a demoted seller cannot change their show's chat", chat);
  const notice = await post(ctx, `/api/rooms/${show.id}/notices`, { text: "still here" }, seller.token);
  ctx.probe.check(notice.status === 403, "a demoted seller cannot post notices", notice);
  ctx.probe.sent += 1;
  const live = await ingest(show.id, { token: seller.token, frames: [hello()] });
  ctx.probe.check(live.code === 4403, `a demoted seller cannot go live: ${live.code}`);
}

/** Medium: HOLD_LIMIT caps unpaid units per buyer per product; replays and out-of-order steps answer 4xx. */
export async function holdsAndReplays(
  ctx: THostileContext,
  buyer: TAccount,
  productId: string,
): Promise<string[]> {
  const key = `replay-${Date.now()}`;
  const first = await post(
    ctx,
    "/api/checkout",
    { lines: [{ productId, quantity: 10 }], idempotencyKey: key },
    buyer.token,
  );
  ctx.probe.check(first.status === 201, "10 units can be held", first);
  const again = await post(
    ctx,
    "/api/checkout",
    { lines: [{ productId, quantity: 10 }], idempotencyKey: key },
    buyer.token,
  );
  const firstId = json<{ order: { id: string } }>(first.body)?.order.id;
  ctx.probe.check(
    again.status < 300 && json<{ order: { id: string } }>(again.body)?.order.id === firstId,
    "a replayed checkout key answers the same order",
    again,
  );
  const other = await post(
    ctx,
    "/api/checkout",
    { lines: [{ productId, quantity: 1 }], idempotencyKey: key },
    buyer.token,
  );
  ctx.probe.check(
    other.status === 409 || json<{ order: { id: string } }>(other.body)?.order.id === firstId,
    "the same key with another cart never makes a second order",
    other,
  );
  const over = await post(
    ctx,
    "/api/checkout",
    { lines: [{ productId, quantity: 1 }], idempotencyKey: `${key}-2` },
    buyer.token,
  );
  ctx.probe.check(
    over.status === 409 && errorCode(over.body) === "HOLD_LIMIT",
    "an 11th unpaid unit → 409 HOLD_LIMIT",
    over,
  );
  const single = await post(ctx, "/api/orders", { productId, quantity: 1 }, buyer.token);
  ctx.probe.check(
    single.status === 409 && errorCode(single.body) === "HOLD_LIMIT",
    "POST /api/orders over the hold limit → 409 HOLD_LIMIT",
    single,
  );
  // Out of order: cancel, then pay the cancelled order; cancel twice; pay with the wrong buyer.
  const id = firstId ?? "none";
  const cancel = await post(ctx, `/api/orders/${id}/cancel`, {}, buyer.token);
  ctx.probe.check(cancel.status === 200, "the buyer cancels", cancel);
  const payCancelled = await pay(ctx, id, buyer.token);
  ctx.probe.check(payCancelled.status === 409, "paying a cancelled order → 409", payCancelled);
  const cancelAgain = await post(ctx, `/api/orders/${id}/cancel`, {}, buyer.token);
  ctx.probe.check(cancelAgain.status === 200, "cancelling again returns it", cancelAgain);
  const orderKey = `order-${Date.now()}`;
  const o1 = await post(
    ctx,
    "/api/orders",
    { productId, quantity: 1, idempotencyKey: orderKey },
    buyer.token,
  );
  const o2 = await post(
    ctx,
    "/api/orders",
    { productId, quantity: 1, idempotencyKey: orderKey },
    buyer.token,
  );
  const oid = json<{ order: { id: string } }>(o1.body)?.order.id ?? "none";
  ctx.probe.check(
    o1.status === 201 && o2.status === 200 && json<{ order: { id: string } }>(o2.body)?.order.id === oid,
    "a replayed order key → 200 with the same order",
    o2,
  );
  const stranger = await pay(ctx, oid, ctx.accounts.shopper2.token);
  ctx.probe.check(
    stranger.status === 403 || stranger.status === 404,
    "another buyer cannot pay my order",
    stranger,
  );
  const paid = await pay(ctx, oid, buyer.token);
  const paidAgain = await pay(ctx, oid, buyer.token);
  ctx.probe.check(
    paid.status === 200 && paidAgain.status === 200,
    "paying twice returns the paid order",
    paidAgain,
  );
  const cancelPaid = await post(ctx, `/api/orders/${oid}/cancel`, {}, buyer.token);
  ctx.probe.check(cancelPaid.status === 409, "cancelling a paid order → 409", cancelPaid);
  return [id, oid];
}

/** Low: a deal cannot start on an ENDED show; ending a show that never went live is 409. */
export async function endedShows(ctx: THostileContext, productId: string): Promise<void> {
  const ended = await db.room.create({
    data: {
      slug: `ended-${Date.now()}`,
      title: "Ended",
      sellerId: (await db.product.findUniqueOrThrow({ where: { id: productId } })).sellerId,
      status: "ENDED",
      startedAt: new Date(Date.now() - 60_000),
      endedAt: new Date(),
      products: { create: [{ productId, position: 0 }] },
    },
  });
  const deal = await post(
    ctx,
    `/api/rooms/${ended.id}/deals`,
    { productId, dealPriceMinor: 1, durationSeconds: 60 },
    ctx.accounts.seller.token,
  );
  ctx.probe.check(
    deal.status === 409 && errorCode(deal.body) === "SHOW_ENDED",
    "a deal on an ENDED show → 409 SHOW_ENDED",
    deal,
  );
  const end = await ctx.probe.http({
    method: "DELETE",
    path: `/api/rooms/${ended.id}/live`,
    token: ctx.accounts.seller.token,
  });
  ctx.probe.check(end.status === 409, "ending an ended show → 409", end);
}

/** Low: blocked words are matched after folding; invisible-only text is refused. */
export async function blockedWords(ctx: THostileContext, author: TAccount): Promise<void> {
  const set = await post(
    ctx,
    `/api/rooms/${ctx.chatRoomId}/chat`,
    { blockedWords: ["scam"] },
    ctx.accounts.seller.token,
    "PATCH",
  );
  ctx.probe.check(set.status === 200, "the seller sets a blocked word", set);
  await sleep(1200);
  const socket = await connectChat(ctx.slaveUrls[1] ?? "", author.token);
  await ask(socket, "room:join", { roomId: ctx.chatRoomId });
  const tries: [string, string][] = [
    ["s\u200bcam", "BLOCKED_WORD"],
    ["ѕсаm", "BLOCKED_WORD"],
    ["S\u0308CAM", "BLOCKED_WORD"],
    ["ｓｃａｍ", "BLOCKED_WORD"],
    ["\u200b\u200c\u200d", "INVALID"],
    ["\u3164\u2800", "INVALID"],
  ];
  for (const [text, want] of tries) {
    ctx.probe.sent += 1;
    const ack = await ask(socket, "chat:send", {
      roomId: ctx.chatRoomId,
      text,
      clientId: `bw-${Date.now()}-${ctx.probe.sent}`,
    });
    ctx.probe.check(
      ack?.ok === false && ack.error?.code === want,
      `chat ${JSON.stringify(text)} → ${want}: got ${JSON.stringify(ack?.error ?? ack?.ok)}`,
    );
    await sleep(1100);
  }
  socket.close();
  await post(
    ctx,
    `/api/rooms/${ctx.chatRoomId}/chat`,
    { blockedWords: [] },
    ctx.accounts.seller.token,
    "PATCH",
  );
}

/** Low: bytes after the 72nd of a password count (argon2id, not bcrypt). */
export async function longPasswords(ctx: THostileContext): Promise<void> {
  const password = `${"p".repeat(72)}-the-rest-matters`;
  const account = await signUp(ctx, "Long password", "SHOPPER", password);
  const truncated = await post(ctx, "/api/session", {
    email: account.email,
    password: `${"p".repeat(72)}-something-else`,
  });
  ctx.probe.check(
    truncated.status === 401,
    "a password that only shares the first 72 bytes is wrong",
    truncated,
  );
  const right = await post(ctx, "/api/session", { email: account.email, password });
  ctx.probe.check(right.status === 200, "the whole password signs in", right);
}

/** Low: the chat ticket is short-lived and chat-only; signing out ends that session's chat sockets. */
export async function ticketsAndSignOut(ctx: THostileContext, user: TAccount): Promise<void> {
  const signIn = await post(ctx, "/api/session", { email: user.email, password: "hostile-suite-pw" });
  const session = json<{ token: string }>(signIn.body)?.token ?? "";
  const t = await ctx.probe.http({ path: "/api/chat/ticket", token: session });
  const ticket = json<{ token: string; expiresAt: string }>(t.body);
  const lifetime = ticket ? Date.parse(ticket.expiresAt) - Date.now() : 0;
  ctx.probe.check(
    !!ticket &&
      ticket.token.startsWith("ct1.") &&
      ticket.token !== session &&
      lifetime > 100_000 &&
      lifetime <= 121_000,
    `GET /api/chat/ticket hands a 2-minute ticket, never the session: ${t.body.slice(0, 120)}`,
  );
  const asBearer = await ctx.probe.http({ path: "/api/orders", token: ticket?.token });
  ctx.probe.check(asBearer.status === 401, "a chat ticket is not a REST credential", asBearer);
  const bySession = await connectChat(ctx.slaveUrls[0] ?? "", session);
  const byTicket = await connectChat(ctx.slaveUrls[1] ?? "", ticket?.token);
  const other = await connectChat(ctx.slaveUrls[0] ?? "", user.token);
  const ended = [bySession, byTicket].map(
    (s) =>
      new Promise<string>((resolve) => {
        s.once("disconnect", (reason) => resolve(reason));
        setTimeout(() => resolve("still connected"), 5000);
      }),
  );
  const out = await ctx.probe.http({ method: "DELETE", path: "/api/session", token: session });
  ctx.probe.check(out.status === 200, "sign-out", out);
  const reasons = await Promise.all(ended);
  ctx.probe.check(
    reasons.every((r) => r === "io server disconnect"),
    `signing out ends that session's chat sockets (token and ticket): ${reasons.join(", ")}`,
  );
  ctx.probe.check(other.connected, "the same user's other session keeps its socket");
  const reuse = await connectChat(ctx.slaveUrls[1] ?? "", ticket?.token).then(
    (s) => (s.close(), "connected"),
    (e: Error) => e.message,
  );
  ctx.probe.check(reuse === "UNAUTHENTICATED", `the signed-out session's ticket is refused: ${reuse}`);
  other.close();
}

/** Low: a clientId is unique per room (another room posts), and a replay in the same room stores once. */
export async function clientIdsPerRoom(
  ctx: THostileContext,
  user: TAccount,
  chatIds: Set<string>,
): Promise<void> {
  const clientId = `replayed-${Date.now()}`;
  const a = await connectChat(ctx.slaveUrls[0] ?? "", user.token);
  const b = await connectChat(ctx.slaveUrls[1] ?? "", user.token);
  await ask(a, "room:join", { roomId: ctx.chatRoomId });
  await ask(b, "room:join", { roomId: ctx.chatRoomId });
  await ask(b, "room:join", { roomId: ctx.liveRoomId });
  const first = await ask(a, "chat:send", { roomId: ctx.chatRoomId, text: "first", clientId });
  const replay = await ask(b, "chat:send", { roomId: ctx.chatRoomId, text: "changed text", clientId });
  await sleep(1100);
  const elsewhere = await ask(b, "chat:send", {
    roomId: ctx.liveRoomId,
    text: "in the other room",
    clientId,
  });
  ctx.probe.sent += 3;
  ctx.probe.check(
    first?.ok === true &&
      replay?.ok === true &&
      replay.message?.id === first.message?.id &&
      replay.message?.text === "first",
    "a replayed clientId (other slave) answers the stored message",
  );
  ctx.probe.check(
    elsewhere?.ok === true &&
      elsewhere.message?.roomId === ctx.liveRoomId &&
      elsewhere.message.id !== first?.message?.id,
    `the same clientId in another room posts there: ${JSON.stringify(elsewhere)}`,
  );
  for (const m of [first, elsewhere]) if (m?.ok && m.message) chatIds.add(m.message.id);
  a.close();
  b.close();
}

/** Low: the per-user chat rate limit holds across slaves (burst 5, then 1/s). */
export async function rateLimitAcrossSlaves(
  ctx: THostileContext,
  user: TAccount,
  chatIds: Set<string>,
): Promise<void> {
  const sockets = await Promise.all(ctx.slaveUrls.map((u) => connectChat(u, user.token)));
  await Promise.all(sockets.map((s) => ask(s, "room:join", { roomId: ctx.chatRoomId })));
  const acks = await Promise.all(
    sockets.flatMap((s, i) =>
      Array.from({ length: 8 }, (_, n) =>
        ask(s, "chat:send", {
          roomId: ctx.chatRoomId,
          text: `burst ${i}-${n}`,
          clientId: `burst-${Date.now()}-${i}-${n}`,
        }),
      ),
    ),
  );
  ctx.probe.sent += acks.length;
  const ok = acks.filter((a) => a?.ok);
  ok.forEach((a) => a?.message && chatIds.add(a.message.id));
  ctx.probe.check(
    ok.length <= 7,
    `16 sends on two slaves at once: ${ok.length} accepted (burst 5 for the user, not per slave)`,
  );
  ctx.probe.check(
    acks.every((a) => a?.ok || a?.error?.code === "RATE_LIMITED"),
    "the rest are RATE_LIMITED",
  );
  sockets.forEach((s) => s.close());
}

/** Low: /metrics on the web port needs METRICS_TOKEN. */
export async function metricsToken(ctx: THostileContext): Promise<void> {
  const none = await ctx.probe.http({ path: "/metrics" });
  const wrong = await ctx.probe.http({ path: "/metrics", token: `${METRICS_TOKEN}x` });
  const right = await ctx.probe.http({ path: "/metrics", token: METRICS_TOKEN });
  ctx.probe.check(
    !none.body.includes("onair_") && none.status >= 400,
    "/metrics without a token shows nothing",
    none,
  );
  ctx.probe.check(
    !wrong.body.includes("onair_") && wrong.status >= 400,
    "/metrics with a wrong token shows nothing",
    wrong,
  );
  ctx.probe.check(
    right.status === 200 && right.body.includes("process_cpu"),
    "/metrics with METRICS_TOKEN answers",
    right,
  );
  void PORTS;
}

/**
 * Low: pages run no inline script the answer does not vouch for (no 'unsafe-inline' for scripts): a page
 * rendered per request by its own nonce, a cached page (`/`, `/live/<slug>`) by the hash of each script.
 */
export async function contentSecurityPolicy(ctx: THostileContext): Promise<void> {
  const pages = await Promise.all(["/login", "/", "/live/demo-live"].map((path) => ctx.probe.http({ path })));
  for (const page of pages) {
    const csp = String(page.headers["content-security-policy"] ?? "");
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? "";
    const vouched = /'nonce-[^']+'|'sha256-[^']+'/.test(scriptSrc);
    ctx.probe.check(
      vouched && !scriptSrc.includes("'unsafe-inline'"),
      `a page's script-src has a nonce or hashes and no 'unsafe-inline': ${JSON.stringify(scriptSrc)}`,
      page,
    );
  }
  const [a, b] = await Promise.all([ctx.probe.http({ path: "/login" }), ctx.probe.http({ path: "/login" })]);
  const nonceOf = (p: typeof a) =>
    /'nonce-([^']+)'/.exec(String(p.headers["content-security-policy"] ?? ""))?.[1];
  ctx.probe.check(!!nonceOf(a) && nonceOf(a) !== nonceOf(b), "every per-request answer gets its own nonce");
}
