import "@/server/commerce/test/fresh-db";
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createSession } from "@/server/auth/sessions";
import { removeDbFiles } from "@/server/commerce/test/fresh-db";
import { makeProduct, makeUser, stockOf } from "@/server/commerce/test/fixtures";
import { serveCheckout } from "@/server/web/checkout";
import { beforeNext, listenOnLoopback } from "@/server/test/loopback-server";

let base = "";
let host = "";
let close: () => Promise<void> = () => Promise.resolve();

beforeAll(async () => {
  ({ base, host, close } = await listenOnLoopback(beforeNext(serveCheckout)));
});

afterAll(async () => {
  await close();
  await db.$disconnect();
  removeDbFiles();
});

const key = () => `key-${Math.random().toString(36).slice(2, 12)}`;

async function buyer(): Promise<string> {
  return (await createSession((await makeUser()).id)).token;
}

type TAnswer = {
  order?: { id: string; lines: unknown[] };
  error?: { code: string; fields?: Record<string, string>; productIds?: string[] };
};

async function post(body: unknown, headers: Record<string, string>) {
  const res = await fetch(`${base}/api/checkout`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: (text ? JSON.parse(text) : {}) as TAnswer };
}

describe("POST /api/checkout before Next.js", () => {
  it("checks out a cart as one order (201), the same key finds it again (200), stock moves once", async () => {
    const token = await buyer();
    const [a, b] = [await makeProduct({ stock: 5 }), await makeProduct({ stock: 5 })];
    const cart = {
      lines: [
        { productId: a.id, quantity: 2 },
        { productId: b.id, quantity: 1 },
      ],
      idempotencyKey: key(),
    };
    const first = await post(cart, { authorization: `Bearer ${token}` });
    expect(first.status).toBe(201);
    expect(first.json.order?.lines).toHaveLength(2);
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect(first.headers.get("cache-control")).toBe("no-store");
    const again = await post(cart, { authorization: `Bearer ${token}` });
    expect(again.status).toBe(200);
    expect(again.json.order?.id).toBe(first.json.order?.id);
    expect([await stockOf(a.id), await stockOf(b.id)]).toEqual([3, 4]);
  });

  it("reads the session cookie, and refuses a cookie call from another site (403 CROSS_SITE)", async () => {
    const token = await buyer();
    const p = await makeProduct({ stock: 5 });
    const cart = () => ({ lines: [{ productId: p.id, quantity: 1 }], idempotencyKey: key() });
    const cookie = `theme=dark; onair_session=${encodeURIComponent(token)}`;
    expect((await post(cart(), { cookie, origin: base })).status).toBe(201);
    const crossSite = await post(cart(), { cookie, origin: "https://evil.example" });
    expect(crossSite.status).toBe(403);
    expect(crossSite.json.error?.code).toBe("CROSS_SITE");
    expect(await stockOf(p.id)).toBe(4);
  });

  it("answers 401 without a session, and never reserves", async () => {
    const p = await makeProduct({ stock: 5 });
    const cart = { lines: [{ productId: p.id, quantity: 1 }] };
    const anonymous: Record<string, string>[] = [
      {},
      { authorization: "Bearer nope" },
      { cookie: "onair_session=%E0%A4%A" },
    ];
    for (const headers of anonymous) {
      const res = await post(cart, headers);
      expect(res.status).toBe(401);
      expect(res.json.error?.code).toBe("UNAUTHENTICATED");
    }
    expect(await stockOf(p.id)).toBe(5);
  });

  it("refuses bad bodies with the contract's codes and changes nothing", async () => {
    const auth = { authorization: `Bearer ${await buyer()}` };
    const p = await makeProduct({ stock: 5 });
    const cases: [unknown, number, string][] = [
      ["{not json", 400, "INVALID"],
      ["[1,2]", 400, "INVALID"],
      ['{"lines":[{"productId":"\\ud800","quantity":1}]}', 400, "INVALID"],
      [{ lines: [{ productId: p.id, quantity: 1, priceMinor: 1 }] }, 400, "PRICE_NOT_ALLOWED"],
      [{ lines: [{ productId: p.id, quantity: 1 }], totalMinor: 1 }, 400, "PRICE_NOT_ALLOWED"],
      [{ lines: [] }, 400, "INVALID"],
      [{ lines: [{ productId: p.id, quantity: -1 }] }, 400, "INVALID"],
    ];
    for (const [body, status, code] of cases) {
      const res = await post(body, auth);
      expect([res.status, res.json.error?.code], JSON.stringify(body)).toEqual([status, code]);
    }
    const invalid = await post({ lines: [{ productId: p.id, quantity: 0 }] }, auth);
    expect(Object.keys(invalid.json.error?.fields ?? {})).not.toHaveLength(0);
    expect(await stockOf(p.id)).toBe(5);
  });

  it("refuses a chunked body past 64 KB with 413 and stays up", async () => {
    const token = await buyer();
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        `${base}/api/checkout`,
        { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on("error", reject);
      req.write(`{"lines":[],"pad":"${"x".repeat(70 * 1024)}`);
      req.end(`"}`);
    });
    expect(status).toBe(413);
    const after = await post({ lines: [] }, { authorization: `Bearer ${token}` });
    expect(after.status).toBe(400);
  });

  it("names the line that sold out (409 OUT_OF_STOCK) and reserves none of the cart", async () => {
    const auth = { authorization: `Bearer ${await buyer()}` };
    const [plenty, scarce] = [await makeProduct({ stock: 5 }), await makeProduct({ stock: 1 })];
    const res = await post(
      {
        lines: [
          { productId: plenty.id, quantity: 1 },
          { productId: scarce.id, quantity: 2 },
        ],
        idempotencyKey: key(),
      },
      auth,
    );
    expect(res.status).toBe(409);
    expect(res.json.error).toMatchObject({ code: "OUT_OF_STOCK", productIds: [scarce.id] });
    expect([await stockOf(plenty.id), await stockOf(scarce.id)]).toEqual([5, 1]);
  });

  it("answers other methods 405 with Allow, and leaves other paths to Next.js", async () => {
    const get = await fetch(`${base}/api/checkout`);
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    expect((await fetch(`${base}/api/checkouts`, { method: "POST" })).status).toBe(599);
    expect((await fetch(`${base}/api/orders`, { method: "POST" })).status).toBe(599);
    expect(host).not.toBe("");
  });
});
