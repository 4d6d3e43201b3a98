import "@/server/commerce/test/fresh-db";
import { describe, expect, it } from "vitest";
import { callApi as call } from "@/server/api/test/call-api";
import { db } from "@/server/db";
import { createSession } from "@/server/auth/sessions";
import { makeShow, makeUser } from "@/server/commerce/test/fixtures";

const seller = async () => (await createSession((await makeUser("SELLER")).id)).token;

/** The features moved from their route files (app/api/**) onto the contract keep each route's answers. */
describe("features moved onto the contract", () => {
  it("keeps a reminder: the id checked, then who asks; the state with no-store; staff also see the count", async () => {
    const owner = await makeUser("SELLER");
    const room = await makeShow(owner.id, []);
    const viewer = (await createSession((await makeUser()).id)).token;
    expect((await call("GET", `/rooms/${"x".repeat(101)}/reminder`)).status).toBe(400);
    expect((await call("PUT", `/rooms/${room.id}/reminder`)).status).toBe(401);
    expect((await call("GET", "/rooms/no-such-show/reminder", { token: viewer })).status).toBe(404);
    const set = await call("PUT", `/rooms/${room.id}/reminder`, { token: viewer });
    expect(set).toMatchObject({ status: 200, json: { roomId: room.id, reminded: true } });
    expect(set.headers.get("cache-control")).toBe("no-store");
    expect((await call("GET", `/rooms/${room.id}/reminder`, { token: viewer })).json).toEqual({
      roomId: room.id,
      reminded: true,
    });
    const staff = (await createSession(owner.id)).token;
    expect((await call("GET", `/rooms/${room.id}/reminder`, { token: staff })).json).toEqual({
      roomId: room.id,
      reminded: false,
      reminderCount: 1,
    });
    expect((await call("DELETE", `/rooms/${room.id}/reminder`, { token: viewer })).json).toEqual({
      roomId: room.id,
      reminded: false,
    });
  });

  it("answers the bell's poll with an ETag, 304 without a body while nothing changed", async () => {
    const user = await makeUser();
    const token = (await createSession(user.id)).token;
    expect((await call("GET", "/notifications?limit=x")).status).toBe(401);
    expect(await call("GET", "/notifications?limit=0&x=1", { token })).toMatchObject({
      status: 400,
      json: { error: { code: "INVALID", fields: { limit: expect.any(String) as string } } },
    });
    expect((await call("GET", "/notifications?limit=x&limit=5", { token })).status).toBe(200);
    const first = await call("GET", "/notifications", { token });
    expect(first).toMatchObject({ status: 200, json: { notifications: [], unread: 0 } });
    expect(first.headers.get("cache-control")).toBe("private, no-cache");
    expect(first.headers.get("vary")).toBe("Cookie, Authorization");
    const etag = first.headers.get("etag") ?? "";
    expect(etag).not.toBe("");
    const again = await call("GET", "/notifications", { token, headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    const room = await makeShow((await makeUser("SELLER")).id, []);
    await db.notification.create({ data: { userId: user.id, roomId: room.id, kind: "SHOW_LIVE" } });
    const changed = await call("GET", "/notifications", { token, headers: { "if-none-match": etag } });
    expect(changed).toMatchObject({ status: 200, json: { unread: 1 } });
    const read = await call("POST", "/notifications/read", { token, body: '{"all":true}' });
    expect(read).toMatchObject({ status: 200, json: { unread: 0 } });
    expect(read.headers.get("cache-control")).toBe("no-store");
    expect(await call("POST", "/notifications/read", { token, body: "{}" })).toMatchObject({
      status: 400,
      json: { error: { fields: { ids: "Send either ids or all: true." } } },
    });
  });

  it("tells who is looking: a guest is null, a viewer comes with the shows they asked to be reminded of", async () => {
    expect((await call("HEAD", "/me")).status).toBe(200);
    const guest = await call("GET", "/me");
    expect(guest).toMatchObject({ status: 200, json: { user: null, remindedRoomIds: [] } });
    expect(guest.headers.get("cache-control")).toBe("private, no-store");
    const user = await makeUser();
    const room = await makeShow((await makeUser("SELLER")).id, []);
    await db.reminder.create({ data: { userId: user.id, roomId: room.id } });
    const token = (await createSession(user.id)).token;
    expect((await call("GET", "/me", { token })).json).toEqual({
      user: { id: user.id, name: user.name, email: user.email, role: "SHOPPER" },
      remindedRoomIds: [room.id],
    });
  });

  it("keeps the auction routes' checks: ids, then the ADMIN, then the reason; unknown ones are 404", async () => {
    const owner = await makeUser("SELLER");
    const room = await makeShow(owner.id, []);
    const admin = (await createSession((await makeUser("ADMIN")).id)).token;
    const cancel = (auctionId: string, body: unknown, token?: string) =>
      call("POST", `/rooms/${room.id}/auctions/${auctionId}/cancel`, {
        body: JSON.stringify(body),
        ...(token ? { token } : {}),
      });
    expect(await cancel("x".repeat(101), {})).toMatchObject({
      status: 400,
      json: { error: { fields: { auctionId: expect.any(String) as string } } },
    });
    expect((await cancel("a1", { reason: "spam" })).status).toBe(401);
    expect((await cancel("a1", { reason: "spam" }, await seller())).status).toBe(403);
    expect(await cancel("a1", { reason: "" }, admin)).toMatchObject({
      status: 400,
      json: { error: { fields: { reason: expect.any(String) as string } } },
    });
    expect(await cancel("a1", { reason: "spam" }, admin)).toMatchObject({
      status: 404,
      json: { error: { message: "This auction does not exist in this show." } },
    });
    expect((await call("GET", "/rooms/no-such-show/auctions")).status).toBe(404);
    const list = await call("GET", `/rooms/${room.id}/auctions`);
    expect(list).toMatchObject({ status: 200, json: { auctions: [] } });
    expect(list.headers.get("cache-control")).toBe("no-store");
    expect((await call("GET", `/rooms/${room.id}/auctions/a1/bids`)).status).toBe(404);
    expect((await call("POST", `/rooms/${room.id}/auctions`, { body: "{}" })).status).toBe(401);
  });

  it("lists a show's giveaways with what the caller entered; only an ADMIN cancels one", async () => {
    const room = await makeShow((await makeUser("SELLER")).id, []);
    expect((await call("GET", "/rooms/no-such-show/giveaways")).status).toBe(404);
    const list = await call("GET", `/rooms/${room.id}/giveaways`);
    expect(list).toMatchObject({ status: 200, json: { giveaways: [], entered: [] } });
    expect(list.headers.get("cache-control")).toBe("no-store");
    expect((await call("POST", `/rooms/${room.id}/giveaways`, { body: "{}" })).status).toBe(401);
    const cancel = (token?: string) =>
      call("POST", `/rooms/${room.id}/giveaways/g1/cancel`, {
        body: JSON.stringify({ reason: "spam" }),
        ...(token ? { token } : {}),
      });
    expect((await cancel(await seller())).status).toBe(403);
    expect(await cancel((await createSession((await makeUser("ADMIN")).id)).token)).toMatchObject({
      status: 404,
      json: { error: { message: "This giveaway does not exist in this show." } },
    });
  });

  it("shows the studio its ingest by the show's id or slug, to its staff only", async () => {
    const owner = await makeUser("SELLER");
    const room = await makeShow(owner.id, []);
    expect((await call("GET", `/rooms/${"x".repeat(101)}/live`)).status).toBe(400);
    expect((await call("GET", `/rooms/${room.slug}/live`)).status).toBe(401);
    expect((await call("DELETE", `/rooms/${room.slug}/live`, { token: await seller() })).status).toBe(403);
    const token = (await createSession(owner.id)).token;
    expect(await call("GET", `/rooms/${room.slug}/live`, { token })).toMatchObject({
      status: 200,
      json: { roomId: room.id, status: "SCHEDULED", ingestPath: `/ingest/${room.id}`, publishing: false },
    });
  });

  it("answers a replay by the show's id or slug: 404 for none, 409 before it has been on air", async () => {
    const room = await makeShow((await makeUser("SELLER")).id, []);
    expect((await call("GET", "/rooms/no-such-show/replay")).status).toBe(404);
    const notYet = { status: 409, json: { error: { code: "NOT_STARTED" } } };
    expect(await call("GET", `/rooms/${room.id}/replay`)).toMatchObject(notYet);
    expect(await call("GET", `/rooms/${room.slug}/replay`)).toMatchObject(notYet);
  });

  it("reads a chat node's `exclude` as the route file did: the first one, a bad list 400", async () => {
    expect(await call("GET", `/rooms/no-such-show/chat-node?exclude=${"a".repeat(1001)}`)).toMatchObject({
      status: 400,
      json: { error: { code: "INVALID", fields: { exclude: "invalid" } } },
    });
    for (const query of [`exclude=a&exclude=${"a".repeat(1001)}`, "exclude[x]=1", ""])
      expect((await call("GET", `/rooms/no-such-show/chat-node?${query}`)).status, query).toBe(404);
  });

  it("hands a signed-in caller a chat ticket, never the session token; a guest null", async () => {
    const guest = await call("GET", "/chat/ticket");
    expect(guest).toMatchObject({ status: 200, json: { token: null, user: null } });
    expect(guest.headers.get("cache-control")).toBe("no-store");
    const user = await makeUser();
    const token = (await createSession(user.id)).token;
    const ticket = await call("GET", "/chat/ticket", { token });
    expect(ticket.json).toMatchObject({ user: { id: user.id, name: user.name, role: "SHOPPER" } });
    expect(ticket.json.token).toEqual(expect.any(String));
    expect(ticket.json.token).not.toBe(token);
    expect(ticket.headers.get("cache-control")).toBe("no-store");
  });

  it("keeps the admin API to ADMINs, checked before the path, query or body; answers no-store", async () => {
    const shopper = (await createSession((await makeUser()).id)).token;
    const admin = (await createSession((await makeUser("ADMIN")).id)).token;
    for (const [method, path] of [
      ["GET", "/admin/overview"],
      ["GET", "/admin/users?role=NOBODY"],
      ["GET", "/admin/audit?take=0"],
      ["POST", "/admin/nodes/bad id!/drain"],
      ["POST", "/admin/media-nodes/m1/drain"],
      ["PATCH", "/admin/users/u1"],
      ["GET", `/admin/rooms/${"x".repeat(101)}/sanctions`],
    ] as const) {
      expect((await call(method, path)).status, path).toBe(401);
      expect((await call(method, path, { token: shopper })).status, path).toBe(403);
    }
    expect(await call("GET", "/admin/users?role=NOBODY", { token: admin })).toMatchObject({
      status: 400,
      json: {
        error: { message: "Some parameters are not valid.", fields: { role: expect.any(String) as string } },
      },
    });
    const users = await call("GET", "/admin/users?q=a&q=", { token: admin });
    expect(users.status).toBe(200);
    expect(users.headers.get("cache-control")).toBe("no-store");
    const rows = users.json.users as { createdAt: unknown }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(typeof rows[0]?.createdAt).toBe("string");
    expect(await call("POST", "/admin/nodes/bad%20id/drain", { token: admin, body: "{}" })).toMatchObject({
      status: 400,
      json: { error: { fields: { nodeId: "Not a node id." } } },
    });
    expect(await call("PATCH", "/admin/users/u1", { token: admin, body: "{}" })).toMatchObject({
      status: 400,
      json: { error: { message: "Some fields are not valid.", fields: { _: "Send role or disabled." } } },
    });
    expect((await call("GET", "/admin/audit?take=5", { token: admin })).json).toMatchObject({
      entries: expect.any(Array) as unknown[],
    });
    expect((await call("GET", "/admin/rooms/no-such-show/sanctions", { token: admin })).status).toBe(404);
  });

  it("signs up, in and out with the session cookie the route files set, byte for byte", async () => {
    const email = `cookie-${Date.now()}@onair.test`;
    const up = await call("POST", "/users", {
      body: JSON.stringify({ email, password: "long-enough-pw", name: " Mina " }),
    });
    expect(up).toMatchObject({ status: 201, json: { user: { name: "Mina", role: "SHOPPER", email } } });
    const token = up.json.token as string;
    const { expiresAt } = await db.session.findFirstOrThrow({ where: { user: { email } } });
    expect(up.headers.get("set-cookie")).toBe(
      `onair_session=${encodeURIComponent(token)}; Path=/; Expires=${expiresAt.toUTCString()}; HttpOnly; SameSite=lax`,
    );
    expect(
      (await call("POST", "/users", { body: JSON.stringify({ email, password: "x" }) })).json,
    ).toMatchObject({
      error: { code: "INVALID", fields: { password: "Use at least 8 characters." } },
    });
    const wrong = await call("POST", "/session", {
      body: JSON.stringify({ email, password: "wrong-password" }),
    });
    expect(wrong).toMatchObject({ status: 401, json: { error: { code: "INVALID_CREDENTIALS" } } });
    expect(wrong.headers.get("set-cookie")).toBeNull();
    const signedIn = await call("POST", "/session", {
      headers: { "x-forwarded-proto": "https" },
      body: JSON.stringify({ email, password: "long-enough-pw" }),
    });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get("set-cookie")).toMatch(
      /^onair_session=[^;]+; Path=\/; Expires=[^;]+ GMT; Secure; HttpOnly; SameSite=lax$/,
    );
    const mine = signedIn.json.token as string;
    expect((await call("GET", "/session", { token: mine })).json).toMatchObject({ user: { name: "Mina" } });
    expect((await call("GET", "/session")).json).toEqual({ user: null });
    const out = await call("DELETE", "/session", { token: mine });
    expect(out).toMatchObject({ status: 200, json: { ok: true } });
    expect(out.headers.get("set-cookie")).toBe("onair_session=; Path=/; Max-Age=0; HttpOnly; SameSite=lax");
    expect((await call("GET", "/session", { token: mine })).json).toEqual({ user: null });
  });

  it("lists users for an ADMIN only, reading the first `q` cut at 100 characters", async () => {
    expect((await call("GET", "/users")).status).toBe(401);
    const admin = await makeUser("ADMIN");
    const token = (await createSession(admin.id)).token;
    const found = await call("GET", `/users?q=${encodeURIComponent(admin.email)}&q=nobody`, { token });
    expect(found.json).toEqual([expect.objectContaining({ id: admin.id, email: admin.email })]);
    expect((await call("GET", `/users?q=${"z".repeat(300)}&q[x]=1`, { token })).json).toEqual([]);
  });
});
