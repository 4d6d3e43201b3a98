/**
 * Every admin endpoint and every moderation endpoint, called by a shopper and by a seller who does not own
 * the show: 403 and nothing changes; without a session: 401. Cookie mutations from another site: 403.
 */
import { expect, test, type APIRequestContext } from "@playwright/test";
import { DEMO } from "../support/auth";
import { bearer, roomIdOf, signUp, tokenOf, type TAccount } from "./helpers";

type TCall = { name: string; method: "GET" | "POST" | "PATCH" | "DELETE"; path: string; data?: unknown };

let roomId = "";
let admin: TAccount;
let shopper: TAccount;
let otherSeller: TAccount;
let target: TAccount;

test.beforeAll(async ({ request }) => {
  roomId = await roomIdOf(request, "demo-live");
  admin = await tokenOf(request, DEMO.admin.email);
  shopper = await signUp(request, "Curious Shopper");
  otherSeller = await signUp(request, "Rival Seller", "SELLER");
  target = await signUp(request, "Target Shopper");
});

function calls(): TCall[] {
  const room = `/api/rooms/${roomId}`;
  return [
    { name: "overview", method: "GET", path: "/api/admin/overview" },
    { name: "nodes", method: "GET", path: "/api/admin/nodes" },
    { name: "drain", method: "POST", path: "/api/admin/nodes/slave-x/drain", data: { draining: true } },
    { name: "users", method: "GET", path: "/api/admin/users" },
    { name: "role change", method: "PATCH", path: `/api/admin/users/${target.id}`, data: { role: "ADMIN" } },
    { name: "disable", method: "PATCH", path: `/api/admin/users/${target.id}`, data: { disabled: true } },
    { name: "audit", method: "GET", path: "/api/admin/audit" },
    { name: "room sanctions list", method: "GET", path: `/api/admin/rooms/${roomId}/sanctions` },
    {
      name: "chat settings",
      method: "PATCH",
      path: `${room}/chat`,
      data: { frozen: true, slowModeSeconds: 99 },
    },
    { name: "notice", method: "POST", path: `${room}/notices`, data: { text: "not allowed" } },
    { name: "delete message", method: "DELETE", path: `${room}/messages/1` },
    { name: "sanction", method: "POST", path: `${room}/sanctions`, data: { userId: target.id, type: "BAN" } },
    { name: "lift", method: "DELETE", path: `${room}/sanctions/${target.id}` },
    { name: "pin", method: "POST", path: `${room}/pin`, data: { productId: null } },
    { name: "end show", method: "DELETE", path: `${room}/live` },
  ];
}

async function call(request: APIRequestContext, c: TCall, headers: Record<string, string> = {}) {
  return request.fetch(c.path, {
    method: c.method,
    headers,
    ...(c.data === undefined ? {} : { data: c.data }),
  });
}

/**
 * What a forbidden call would have changed, in values only those calls use (other specs change the demo
 * show's settings meanwhile: the exact before/after of shared settings would be flaky).
 */
async function snapshot(request: APIRequestContext) {
  const room = (await (await request.get(`/api/rooms/${roomId}`)).json()) as {
    chat: { slowModeSeconds: number };
  };
  const users = (await (
    await request.get(`/api/admin/users?q=${encodeURIComponent(target.email)}`, {
      headers: bearer(admin.token),
    })
  ).json()) as { users: { role: string; disabled: boolean }[] };
  const sanctions = (await (
    await request.get(`/api/admin/rooms/${roomId}/sanctions`, { headers: bearer(admin.token) })
  ).json()) as { sanctions: { userId: string }[] };
  const nodes = (await (await request.get("/api/admin/nodes", { headers: bearer(admin.token) })).json()) as {
    slaves: { nodeId: string; draining: boolean }[];
  };
  const messages = (await (
    await request.get(`/api/admin/audit?roomId=${roomId}&action=chat.notice`, {
      headers: bearer(admin.token),
    })
  ).json()) as { entries: { details: { text?: string } }[] };
  return {
    slowMode99: room.chat.slowModeSeconds === 99,
    target: users.users[0],
    targetSanctioned: sanctions.sanctions.some((s) => s.userId === target.id),
    draining: nodes.slaves.filter((s) => s.draining && !s.nodeId.startsWith("drill-")).map((s) => s.nodeId),
    forbiddenNotice: messages.entries.some((e) => e.details.text === "not allowed"),
  };
}

test("a shopper and a seller of another show get 403 from every admin and moderation endpoint, and nothing changes", async ({
  request,
}) => {
  const before = await snapshot(request);
  expect(before).toEqual({
    slowMode99: false,
    target: { ...before.target, role: "SHOPPER", disabled: false },
    targetSanctioned: false,
    draining: [],
    forbiddenNotice: false,
  });
  for (const who of [shopper, otherSeller]) {
    for (const c of calls()) {
      const res = await call(request, c, bearer(who.token));
      expect(res.status(), `${c.name} as ${who.name}: ${await res.text()}`).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
    }
  }
  expect(await snapshot(request)).toEqual(before);
  for (const who of [shopper, otherSeller]) {
    const mine = (await (
      await request.get(`/api/admin/audit?actorId=${who.id}`, { headers: bearer(admin.token) })
    ).json()) as { entries: unknown[] };
    expect(mine.entries).toEqual([]);
  }
});

test("without a session every admin and moderation endpoint answers 401", async ({ playwright }) => {
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  for (const c of calls()) {
    const res = await call(anonymous, c);
    expect(res.status(), `${c.name}: ${await res.text()}`).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("UNAUTHENTICATED");
  }
  await anonymous.dispose();
});

test("admin pages answer 403 to a shopper and send a visitor to sign in", async ({ playwright, request }) => {
  const baseURL = test.info().project.use.baseURL;
  const pages = ["/admin", "/admin/users", "/admin/audit", `/admin/rooms/${roomId}`];
  const asShopper = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { cookie: `onair_session=${shopper.token}` },
  });
  for (const p of pages) expect((await asShopper.get(p)).status(), p).toBe(403);
  await asShopper.dispose();
  for (const p of pages) {
    const res = await request.get(p, { maxRedirects: 0 });
    expect([303, 307, 308], p).toContain(res.status());
    expect(res.headers()["location"]).toContain(`/login?next=${encodeURIComponent(p)}`);
  }
});

test("a cookie-authenticated admin mutation from another site is refused with CROSS_SITE", async ({
  playwright,
}) => {
  const baseURL = test.info().project.use.baseURL;
  const context = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { cookie: `onair_session=${admin.token}` },
  });
  const res = await context.patch(`/api/admin/users/${target.id}`, {
    data: { disabled: true },
    headers: { origin: "https://evil.example" },
  });
  expect(res.status()).toBe(403);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe("CROSS_SITE");
  const users = (await (
    await context.get(`/api/admin/users?q=${encodeURIComponent(target.email)}`)
  ).json()) as { users: { disabled: boolean }[] };
  expect(users.users[0]?.disabled).toBe(false);
  await context.dispose();
});
