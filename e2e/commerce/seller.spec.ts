import { expect, test } from "@playwright/test";
import { DEMO } from "../support/auth";
import { anonymous, apiSignIn, newProduct, newShopper, stockOf, type TErrorBody } from "./api";

type TRoom = {
  id: string;
  slug: string;
  pinnedProductId: string | null;
  products: { id: string; price: number; deal: unknown }[];
};

type TRequest = import("@playwright/test").APIRequestContext;

async function demoRoom(request: TRequest): Promise<TRoom> {
  return (await (await request.get("/api/rooms/demo-live")).json()) as TRoom;
}

/** The seeded second show: the live-page specs count demo-live's products, so changes happen here. */
async function workRoom(request: TRequest): Promise<TRoom> {
  return (await (await request.get("/api/rooms/skincare-friday")).json()) as TRoom;
}

test.describe("seller tools", () => {
  test("shoppers and strangers get 401/403 on pin, deals, sales, products and uploads, and nothing changes", async ({
    request,
    playwright,
    baseURL,
  }) => {
    const room = await demoRoom(request);
    const productId = room.products[0]!.id;
    const shopper = await apiSignIn(request, DEMO.shopper.email);
    const before = (await (await request.get(`/api/products/${productId}`)).json()) as unknown;

    const calls: [string, string, unknown][] = [
      ["post", `/api/rooms/${room.id}/pin`, { productId }],
      ["post", `/api/rooms/${room.id}/deals`, { productId, dealPriceMinor: 1, durationSeconds: 60 }],
      ["delete", `/api/rooms/${room.id}/deals/${productId}`, undefined],
      ["get", `/api/rooms/${room.id}/sales`, undefined],
      ["patch", `/api/rooms/${room.id}/sales`, { announcePurchases: true }],
      ["put", `/api/rooms/${room.id}/products`, { productIds: [] }],
      ["patch", `/api/products/${productId}`, { priceMinor: 1, stock: 0 }],
      ["delete", `/api/products/${productId}`, undefined],
      ["post", "/api/products", { name: "x", priceMinor: 1, stock: 1 }],
      ["get", "/api/products", undefined],
    ];
    const anon = await anonymous(playwright, baseURL);
    for (const [method, url, data] of calls) {
      for (const [client, headers, status] of [
        [anon, {}, 401],
        [request, shopper.headers, 403],
      ] as const) {
        const res = await client.fetch(url, {
          method,
          headers,
          data: data as Record<string, unknown> | undefined,
        });
        expect(res.status(), `${method} ${url}`).toBe(status);
        expect(((await res.json()) as TErrorBody).error.code).toBe(
          status === 401 ? "UNAUTHENTICATED" : "FORBIDDEN",
        );
      }
    }
    await anon.dispose();
    const upload = await request.post("/api/uploads", {
      headers: { ...shopper.headers, "content-type": "image/png" },
      data: Buffer.from("x"),
    });
    expect(upload.status()).toBe(403);
    const after = await demoRoom(request);
    expect(after.pinnedProductId).toBe(room.pinnedProductId);
    expect(after.products.map((p) => p.id)).toEqual(room.products.map((p) => p.id));
    expect((await (await request.get(`/api/products/${productId}`)).json()) as unknown).toEqual(before);
  });

  test("the seller pins and unpins a product of the show; a product elsewhere is refused", async ({
    request,
  }) => {
    const seller = await apiSignIn(request, DEMO.seller.email);
    const room = await workRoom(request);
    const target = room.products[0]!.id;
    const res = await request.post(`/api/rooms/${room.id}/pin`, {
      headers: seller.headers,
      data: { productId: target },
    });
    expect(res.status()).toBe(200);
    expect(await res.json()).toEqual({ roomId: room.id, pinnedProductId: target });
    expect((await workRoom(request)).pinnedProductId).toBe(target);

    const outsider = await newProduct(request, seller, 1);
    const refused = await request.post(`/api/rooms/${room.id}/pin`, {
      headers: seller.headers,
      data: { productId: outsider.id },
    });
    expect(refused.status()).toBe(400);
    expect(((await refused.json()) as TErrorBody).error.code).toBe("PRODUCT_NOT_IN_SHOW");

    const admin = await apiSignIn(request, DEMO.admin.email);
    expect(
      (
        await request.post(`/api/rooms/${room.id}/pin`, { headers: admin.headers, data: { productId: null } })
      ).status(),
    ).toBe(200);
    expect((await workRoom(request)).pinnedProductId).toBeNull();
  });

  test("a flash deal prices orders from the show while it runs, with a per-buyer limit; the sales panel counts", async ({
    request,
  }) => {
    const seller = await apiSignIn(request, DEMO.seller.email);
    const room = await workRoom(request);
    const product = await newProduct(request, seller, 30, 50000);
    const setRes = await request.put(`/api/rooms/${room.id}/products`, {
      headers: seller.headers,
      data: { productIds: [...room.products.map((p) => p.id), product.id] },
    });
    expect(setRes.status()).toBe(200);

    const tooHigh = await request.post(`/api/rooms/${room.id}/deals`, {
      headers: seller.headers,
      data: { productId: product.id, dealPriceMinor: 50000, durationSeconds: 60 },
    });
    expect(tooHigh.status()).toBe(400);
    const started = await request.post(`/api/rooms/${room.id}/deals`, {
      headers: seller.headers,
      data: { productId: product.id, dealPriceMinor: 35000, durationSeconds: 120, limitPerBuyer: 2 },
    });
    expect(started.status()).toBe(201);
    const listed = (await workRoom(request)).products.find((p) => p.id === product.id)!;
    expect(listed).toMatchObject({ price: 35000, deal: { priceMinor: 35000, limitPerBuyer: 2 } });

    const buyer = await newShopper(request);
    const tries = await Promise.all(
      Array.from({ length: 6 }, () =>
        request.post("/api/orders", {
          headers: buyer.headers,
          data: { productId: product.id, quantity: 1, roomId: room.id },
        }),
      ),
    );
    expect(tries.map((r) => r.status()).sort()).toEqual([201, 201, 409, 409, 409, 409]);
    const first = (await tries.find((r) => r.status() === 201)!.json()) as {
      order: { id: string; unitPriceMinor: number };
    };
    expect(first.order.unitPriceMinor).toBe(35000);
    expect(await stockOf(request, product.id)).toBe(28);

    const pay = await request.post(`/api/orders/${first.order.id}/pay`, {
      headers: buyer.headers,
      data: {
        card: { number: "4242424242424242", expMonth: 1, expYear: new Date().getFullYear() + 1, cvc: "999" },
        shipping: {
          name: "A B",
          phone: "010-1111-2222",
          address1: "3 Teheran-ro",
          city: "Seoul",
          postalCode: "06236",
          country: "KR",
        },
      },
    });
    expect(pay.status()).toBe(200);
    const sales = (await (
      await request.get(`/api/rooms/${room.id}/sales?viewers=50`, { headers: seller.headers })
    ).json()) as Record<string, unknown>;
    expect(sales).toMatchObject({ viewers: 50, pending: { orders: expect.any(Number) } });
    expect(sales.orders as number).toBeGreaterThanOrEqual(1);
    expect(sales.ordersPerHundredViewers).toBe(((sales.orders as number) * 100) / 50);

    expect(
      (
        await request.delete(`/api/rooms/${room.id}/deals/${product.id}`, { headers: seller.headers })
      ).status(),
    ).toBe(200);
    const after = (await workRoom(request)).products.find((p) => p.id === product.id)!;
    expect(after).toMatchObject({ price: 50000, deal: null });
    // Leave the seeded show as it was.
    await request.put(`/api/rooms/${room.id}/products`, {
      headers: seller.headers,
      data: { productIds: room.products.map((p) => p.id) },
    });
  });

  test("the seller uploads a product photo and gets a resized web image back", async ({ request }) => {
    const seller = await apiSignIn(request, DEMO.seller.email);
    // A 1×1 PNG.
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
      "base64",
    );
    const res = await request.post("/api/uploads", {
      headers: seller.headers,
      multipart: { file: { name: "dot.png", mimeType: "image/png", buffer: png } },
    });
    expect(res.status()).toBe(201);
    const { image } = (await res.json()) as { image: { url: string; width: number } };
    const served = await request.get(image.url);
    expect(served.status()).toBe(200);
    expect(served.headers()["content-type"]).toBe("image/webp");

    const text = await request.post("/api/uploads", {
      headers: seller.headers,
      multipart: { file: { name: "x.png", mimeType: "image/png", buffer: Buffer.from("not an image") } },
    });
    expect(text.status()).toBe(400);
    expect(((await text.json()) as TErrorBody).error.code).toBe("INVALID_IMAGE");
    const big = await request.post("/api/uploads", {
      headers: seller.headers,
      multipart: { file: { name: "big.png", mimeType: "image/png", buffer: Buffer.alloc(6 * 1024 * 1024) } },
    });
    expect(big.status()).toBe(413);

    const created = await request.post("/api/products", {
      headers: seller.headers,
      data: { name: "With photo", priceMinor: 1000, stock: 1, imageUrl: image.url },
    });
    expect(((await created.json()) as { product: { imageUrl: string } }).product.imageUrl).toBe(image.url);
  });
});
