import { expect, test } from "@playwright/test";

const unique = () => `u${Date.now()}${Math.floor(Math.random() * 1e6)}@example.com`;

test.describe("POST /api/users", () => {
  test("signs up a shopper by default, and a seller when asked", async ({ request }) => {
    const shopper = await request.post("/api/users", {
      data: { email: unique(), password: "long-enough", name: "New Shopper" },
    });
    expect(shopper.status()).toBe(201);
    expect(((await shopper.json()) as { user: { role: string } }).user.role).toBe("SHOPPER");

    const seller = await request.post("/api/users", {
      data: { email: unique(), password: "long-enough", name: "New Seller", role: "SELLER" },
    });
    expect(((await seller.json()) as { user: { role: string } }).user.role).toBe("SELLER");
  });

  test("nobody can sign up as ADMIN", async ({ request }) => {
    const res = await request.post("/api/users", {
      data: { email: unique(), password: "long-enough", name: "X", role: "ADMIN" },
    });
    expect(res.status()).toBe(400);
    expect(((await res.json()) as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty(
      "role",
    );
  });

  test("duplicate email answers 409 EMAIL_TAKEN, whatever its case", async ({ request }) => {
    const res = await request.post("/api/users", {
      data: { email: "Shopper@OnAir.test", password: "long-enough", name: "Dup" },
    });
    expect(res.status()).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("EMAIL_TAKEN");
  });

  test("invalid fields answer 400 INVALID naming each field", async ({ request }) => {
    const res = await request.post("/api/users", { data: { email: "nope", password: "short", name: "" } });
    expect(res.status()).toBe(400);
    const { error } = (await res.json()) as { error: { code: string; fields: Record<string, string> } };
    expect(error.code).toBe("INVALID");
    expect(Object.keys(error.fields).sort()).toEqual(["email", "name", "password"]);
  });

  test("GET /api/users is for admins only", async ({ request }) => {
    expect((await request.get("/api/users")).status()).toBe(401);
    const shopper = await request.post("/api/session", {
      data: { email: "shopper@onair.test", password: "onair-demo" },
    });
    const shopperToken = ((await shopper.json()) as { token: string }).token;
    expect(
      (await request.get("/api/users", { headers: { authorization: `Bearer ${shopperToken}` } })).status(),
    ).toBe(403);

    const admin = await request.post("/api/session", {
      data: { email: "admin@onair.test", password: "onair-demo" },
    });
    const adminToken = ((await admin.json()) as { token: string }).token;
    const list = await request.get("/api/users?q=shopper", {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(list.status()).toBe(200);
    const users = (await list.json()) as { email: string }[];
    expect(users.map((u) => u.email)).toEqual(
      expect.arrayContaining(["shopper@onair.test", "shopper2@onair.test"]),
    );
  });
});
