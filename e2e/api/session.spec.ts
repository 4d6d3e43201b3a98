import { expect, test } from "@playwright/test";

test.describe("POST /api/session", () => {
  test("signs in a demo account and the token works as a Bearer header", async ({ request }) => {
    const res = await request.post("/api/session", {
      data: { email: "seller@onair.test", password: "onair-demo" },
    });
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { token: string; user: { id: string; name: string; role: string } };
    expect(body.user).toMatchObject({ name: "Mina's Picks", role: "SELLER" });
    expect(body.token.length).toBeGreaterThan(30);
    expect(res.headers()["set-cookie"]).toContain("onair_session=");
    expect(res.headers()["set-cookie"]?.toLowerCase()).toContain("httponly");

    const me = await request.get("/api/session", { headers: { authorization: `Bearer ${body.token}` } });
    expect(((await me.json()) as { user: { id: string } }).user.id).toBe(body.user.id);
  });

  test("wrong credentials answer 401 INVALID_CREDENTIALS", async ({ request }) => {
    for (const data of [
      { email: "seller@onair.test", password: "wrong-password" },
      { email: "nobody@onair.test", password: "onair-demo" },
    ]) {
      const res = await request.post("/api/session", { data });
      expect(res.status()).toBe(401);
      expect(await res.json()).toEqual({
        error: { code: "INVALID_CREDENTIALS", message: expect.any(String) },
      });
    }
  });

  test("malformed JSON and missing fields answer 400 INVALID with fields", async ({ request }) => {
    const bad = await request.post("/api/session", {
      headers: { "content-type": "application/json" },
      data: "{not json",
    });
    expect(bad.status()).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe("INVALID");

    const missing = await request.post("/api/session", { data: { email: "not-an-email" } });
    expect(missing.status()).toBe(400);
    const body = (await missing.json()) as { error: { code: string; fields: Record<string, string> } };
    expect(body.error.code).toBe("INVALID");
    expect(Object.keys(body.error.fields).sort()).toEqual(["email", "password"]);
  });

  test("an oversized body is refused with 413 and the process stays up", async ({ request }) => {
    const res = await request.post("/api/session", {
      data: { email: "a@b.co", password: "x".repeat(200_000) },
    });
    expect(res.status()).toBe(413);
    expect((await request.get("/api/health")).status()).toBe(200);
  });

  test("DELETE ends the session: the token stops working", async ({ request }) => {
    const signIn = await request.post("/api/session", {
      data: { email: "shopper@onair.test", password: "onair-demo" },
    });
    const { token } = (await signIn.json()) as { token: string };
    const headers = { authorization: `Bearer ${token}` };
    expect((await request.delete("/api/session", { headers })).status()).toBe(200);
    const me = await request.get("/api/session", { headers });
    expect(await me.json()).toEqual({ user: null });
  });
});

test("a cookie-authenticated mutation from another site is refused", async ({ request }) => {
  const res = await request.post("/api/session", {
    headers: { origin: "https://evil.example" },
    data: { email: "shopper@onair.test", password: "onair-demo" },
  });
  expect(res.status()).toBe(403);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe("CROSS_SITE");
});
