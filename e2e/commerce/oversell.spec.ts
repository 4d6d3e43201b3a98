import { expect, test } from "@playwright/test";
import { DEMO } from "../support/auth";
import { apiSignIn, newProduct, newShopper, stockOf, type TErrorBody } from "./api";

test.describe("never oversell, over real HTTP", () => {
  test("200 simultaneous orders from several shoppers for 50 units: 50 × 201, 150 × 409 OUT_OF_STOCK, stock 0", async ({
    request,
  }) => {
    test.setTimeout(120_000);
    const seller = await apiSignIn(request, DEMO.seller.email);
    const product = await newProduct(request, seller, 50);
    const shoppers = [
      await apiSignIn(request, DEMO.shopper.email),
      await apiSignIn(request, DEMO.shopper2.email),
      ...(await Promise.all(Array.from({ length: 6 }, () => newShopper(request)))),
    ];

    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        request.post("/api/orders", {
          headers: shoppers[i % shoppers.length]!.headers,
          data: { productId: product.id, quantity: 1 },
        }),
      ),
    );
    const statuses = responses.map((r) => r.status());
    expect(statuses.filter((s) => s === 201)).toHaveLength(50);
    expect(statuses.filter((s) => s === 409)).toHaveLength(150);
    for (const res of responses.filter((r) => r.status() === 409)) {
      expect(((await res.json()) as TErrorBody).error.code).toBe("OUT_OF_STOCK");
    }
    const created = await Promise.all(
      responses
        .filter((r) => r.status() === 201)
        .map(
          async (r) =>
            ((await r.json()) as { order: { id: string; status: string; quantity: number } }).order,
        ),
    );
    expect(new Set(created.map((o) => o.id)).size).toBe(50);
    expect(created.every((o) => o.status === "PENDING_PAYMENT" && o.quantity === 1)).toBe(true);
    expect(await stockOf(request, product.id)).toBe(0);
  });
});
