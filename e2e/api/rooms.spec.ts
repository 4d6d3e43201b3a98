import { expect, test } from "@playwright/test";

type TRoom = {
  id: string;
  slug: string;
  title: string;
  status: string;
  sellerId: string;
  hlsUrl: string | null;
};

test.describe("rooms API", () => {
  test("GET /api/rooms lists the demo show with the contract's fields", async ({ request }) => {
    const res = await request.get("/api/rooms");
    expect(res.status()).toBe(200);
    const rooms = (await res.json()) as TRoom[];
    const demo = rooms.find((r) => r.slug === "demo-live");
    expect(demo).toMatchObject({
      title: expect.any(String),
      status: "SCHEDULED",
      sellerId: expect.any(String),
      hlsUrl: null,
    });
  });

  test("GET /api/rooms/:id gives products and chat settings; unknown id is 404", async ({ request }) => {
    const rooms = (await (await request.get("/api/rooms")).json()) as TRoom[];
    const demo = rooms.find((r) => r.slug === "demo-live")!;
    const res = await request.get(`/api/rooms/${demo.id}`);
    expect(res.status()).toBe(200);
    const room = (await res.json()) as {
      products: { priceMinor: number; stock: number }[];
      chat: Record<string, unknown>;
    };
    expect(room.products.length).toBeGreaterThanOrEqual(3);
    expect(room.products.every((p) => Number.isInteger(p.priceMinor) && p.stock > 0)).toBe(true);
    expect(room.chat).toMatchObject({
      separation: expect.any(String),
      slowModeSeconds: 0,
      frozen: false,
      blockedWords: [],
    });

    const missing = await request.get("/api/rooms/does-not-exist");
    expect(missing.status()).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
  });

  test("web health answers ok with its role", async ({ request }) => {
    const res = await request.get("/api/health");
    expect(await res.json()).toMatchObject({ ok: true, role: "web" });
    const unknown = await request.get("/api/no-such-endpoint");
    expect(unknown.status()).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
  });
});
