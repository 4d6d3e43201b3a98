import { expect, test } from "@playwright/test";
import { DEMO } from "../support/auth";
import { anonymous, apiSignIn, newProduct, newShopper, stockOf, type TErrorBody } from "./api";

type TOrder = {
  id: string;
  productId: string;
  quantity: number;
  status: string;
  unitPriceMinor: number;
  totalMinor: number;
  currency: string;
  expiresAt: string;
};

const year = new Date().getFullYear() + 2;
const shipping = {
  name: "Jisoo Kim",
  phone: "+82 10-1234-5678",
  address1: "1 Sejong-daero",
  city: "Seoul",
  postalCode: "04524",
  country: "KR",
};
const card = (number: string) => ({ number, expMonth: 12, expYear: year, cvc: "123" });

test.describe("orders API", () => {
  test("order, pay with 4242, see it in my orders; the seller's price is charged", async ({ request }) => {
    const seller = await apiSignIn(request, DEMO.seller.email);
    const product = await newProduct(request, seller, 5, 39000);
    const buyer = await newShopper(request);

    const res = await request.post("/api/orders", {
      headers: buyer.headers,
      data: { productId: product.id, quantity: 2 },
    });
    expect(res.status()).toBe(201);
    const { order } = (await res.json()) as { order: TOrder };
    expect(order).toMatchObject({
      productId: product.id,
      quantity: 2,
      status: "PENDING_PAYMENT",
      unitPriceMinor: 39000,
      totalMinor: 78000,
      currency: "KRW",
    });
    expect(await stockOf(request, product.id)).toBe(3);

    const paid = await request.post(`/api/orders/${order.id}/pay`, {
      headers: buyer.headers,
      data: { card: card("4242 4242 4242 4242"), shipping },
    });
    expect(paid.status()).toBe(200);
    expect(((await paid.json()) as { order: TOrder }).order.status).toBe("PAID");

    const mine = (await (await request.get("/api/orders", { headers: buyer.headers })).json()) as {
      orders: TOrder[];
    };
    expect(mine.orders.map((o) => [o.id, o.status])).toEqual([[order.id, "PAID"]]);
    const other = await newShopper(request);
    expect((await request.get(`/api/orders/${order.id}`, { headers: other.headers })).status()).toBe(403);
    expect((await request.get(`/api/orders/${order.id}`, { headers: buyer.headers })).status()).toBe(200);
  });

  test("a declined card answers 402 with the reason, leaves no paid order and restores the stock", async ({
    request,
  }) => {
    const seller = await apiSignIn(request, DEMO.seller.email);
    const product = await newProduct(request, seller, 4);
    const buyer = await newShopper(request);
    const { order } = (await (
      await request.post("/api/orders", {
        headers: buyer.headers,
        data: { productId: product.id, quantity: 3 },
      })
    ).json()) as { order: TOrder };
    expect(await stockOf(request, product.id)).toBe(1);

    const res = await request.post(`/api/orders/${order.id}/pay`, {
      headers: buyer.headers,
      data: { card: card("4000 0000 0000 0002"), shipping },
    });
    expect(res.status()).toBe(402);
    expect((await res.json()) as TErrorBody).toEqual({
      error: { code: "PAYMENT_DECLINED", message: "Your card was declined." },
    });
    expect(await stockOf(request, product.id)).toBe(4);
    const after = (await (
      await request.get(`/api/orders/${order.id}`, { headers: buyer.headers })
    ).json()) as { order: TOrder };
    expect(after.order.status).toBe("FAILED");
  });

  test("the same idempotency key (body or header) makes one order", async ({ request }) => {
    const seller = await apiSignIn(request, DEMO.seller.email);
    const product = await newProduct(request, seller, 10);
    const buyer = await newShopper(request);
    const key = `e2e-${Date.now()}-key`;
    const responses = await Promise.all([
      request.post("/api/orders", {
        headers: buyer.headers,
        data: { productId: product.id, quantity: 1, idempotencyKey: key },
      }),
      request.post("/api/orders", {
        headers: { ...buyer.headers, "idempotency-key": key },
        data: { productId: product.id, quantity: 1 },
      }),
      request.post("/api/orders", {
        headers: { ...buyer.headers, "idempotency-key": key },
        data: { productId: product.id, quantity: 1 },
      }),
    ]);
    const ids = await Promise.all(
      responses.map(async (r) => ((await r.json()) as { order: TOrder }).order.id),
    );
    expect(new Set(ids).size).toBe(1);
    expect(responses.map((r) => r.status()).sort()).toEqual([200, 200, 201]);
    expect(await stockOf(request, product.id)).toBe(9);
  });

  test("bad input is a clear 4xx and never touches stock", async ({ request, playwright, baseURL }) => {
    const seller = await apiSignIn(request, DEMO.seller.email);
    const product = await newProduct(request, seller, 5, 20000);
    const buyer = await newShopper(request);
    const rooms = (await (await request.get("/api/rooms")).json()) as { id: string; slug: string }[];
    const demo = rooms.find((r) => r.slug === "demo-live")!;

    const cases: [unknown, number, string][] = [
      [{ productId: product.id, quantity: 0 }, 400, "INVALID"],
      [{ productId: product.id, quantity: -3 }, 400, "INVALID"],
      [{ productId: product.id, quantity: 1.5 }, 400, "INVALID"],
      [{ productId: product.id, quantity: "2" }, 400, "INVALID"],
      [{ productId: product.id, quantity: 1000 }, 400, "INVALID"],
      [{ productId: product.id }, 400, "INVALID"],
      [{ productId: product.id, quantity: 1, unitPriceMinor: 1 }, 400, "PRICE_NOT_ALLOWED"],
      [{ productId: product.id, quantity: 1, totalMinor: 1 }, 400, "PRICE_NOT_ALLOWED"],
      [{ productId: product.id, quantity: 1, price: 1 }, 400, "PRICE_NOT_ALLOWED"],
      [{ productId: product.id, quantity: 1, surprise: true }, 400, "INVALID"],
      [{ productId: "no-such-product", quantity: 1 }, 404, "NOT_FOUND"],
      [{ productId: product.id, quantity: 1, roomId: demo.id }, 400, "PRODUCT_NOT_IN_SHOW"],
      [{ productId: product.id, quantity: 6 }, 409, "OUT_OF_STOCK"],
      // More unpaid units than one buyer may hold (ORDER_HOLD_LIMIT, 10 by default).
      [{ productId: product.id, quantity: 11 }, 409, "HOLD_LIMIT"],
    ];
    for (const [data, status, code] of cases) {
      const res = await request.post("/api/orders", {
        headers: buyer.headers,
        data: data as Record<string, unknown>,
      });
      expect(res.status(), JSON.stringify(data)).toBe(status);
      expect(((await res.json()) as TErrorBody).error.code, JSON.stringify(data)).toBe(code);
    }
    const notJson = await request.post("/api/orders", {
      headers: { ...buyer.headers, "content-type": "application/json" },
      data: "{oops",
    });
    expect(notJson.status()).toBe(400);

    expect((await request.delete(`/api/products/${product.id}`, { headers: seller.headers })).status()).toBe(
      200,
    );
    const archived = await request.post("/api/orders", {
      headers: buyer.headers,
      data: { productId: product.id, quantity: 1 },
    });
    expect(archived.status()).toBe(409);
    expect(((await archived.json()) as TErrorBody).error.code).toBe("PRODUCT_UNAVAILABLE");

    const anon = await anonymous(playwright, baseURL);
    const unauth = await anon.post("/api/orders", { data: { productId: product.id, quantity: 1 } });
    expect(unauth.status()).toBe(401);
    await anon.dispose();
    const restored = await request.patch(`/api/products/${product.id}`, {
      headers: seller.headers,
      data: { archived: false },
    });
    expect(
      ((await restored.json()) as { product: { stock: number; archived: boolean } }).product,
    ).toMatchObject({ stock: 5, archived: false });
  });
});
