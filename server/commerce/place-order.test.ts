import { removeDbFiles } from "@/server/commerce/test/fresh-db";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { codeOf } from "@/server/test/api-error";
import { placeOrder } from "@/server/commerce/place-order";
import { makeProduct, makeShow, makeUser, stockOf } from "@/server/commerce/test/fixtures";

afterAll(async () => {
  await db.$disconnect();
  removeDbFiles();
});

describe("placeOrder under concurrency", () => {
  it("200 simultaneous attempts for 50 units: exactly 50 reservations, 150 OUT_OF_STOCK, stock 0", async () => {
    const product = await makeProduct({ stock: 50 });
    const shoppers = await Promise.all(Array.from({ length: 8 }, () => makeUser()));
    const attempts = Array.from({ length: 200 }, (_, i) =>
      codeOf(placeOrder(shoppers[i % shoppers.length]!.id, { productId: product.id, quantity: 1 })),
    );
    const codes = await Promise.all(attempts);

    expect(codes.filter((c) => c === "OK")).toHaveLength(50);
    expect(codes.filter((c) => c === "OUT_OF_STOCK")).toHaveLength(150);
    expect(await stockOf(product.id)).toBe(0);
    const reserved = await db.order.aggregate({
      _sum: { quantity: true },
      where: { productId: product.id, status: "PENDING_PAYMENT" },
    });
    expect(reserved._sum.quantity).toBe(50);
  });

  it("mixed quantities never reserve more than the stock", async () => {
    const product = await makeProduct({ stock: 37 });
    // 10 shoppers: each asks for 12 units in all, so the hold limit (10 unpaid per product) also shows up.
    const shoppers = await Promise.all(Array.from({ length: 10 }, () => makeUser()));
    const codes = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        codeOf(placeOrder(shoppers[i % 10]!.id, { productId: product.id, quantity: (i % 3) + 1 })),
      ),
    );
    const reserved = await db.order.aggregate({ _sum: { quantity: true }, where: { productId: product.id } });
    expect(codes.every((c) => c === "OK" || c === "OUT_OF_STOCK" || c === "HOLD_LIMIT")).toBe(true);
    expect((reserved._sum.quantity ?? 0) + (await stockOf(product.id))).toBe(37);
    expect(reserved._sum.quantity).toBeLessThanOrEqual(37);
    expect(await stockOf(product.id)).toBeLessThan(3); // the burst drained everything it could
  });
});

describe("idempotency", () => {
  it("the same key placed 20 times at once makes one order and reserves once", async () => {
    const product = await makeProduct({ stock: 10 });
    const buyer = await makeUser();
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        placeOrder(buyer.id, { productId: product.id, quantity: 2, idempotencyKey: "double-click-0001" }),
      ),
    );
    expect(new Set(results.map((r) => r.order.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await stockOf(product.id)).toBe(8);
    expect(await db.order.count({ where: { buyerId: buyer.id } })).toBe(1);
  });

  it("a key reused for a different order is refused, and another buyer's same key is independent", async () => {
    const product = await makeProduct({ stock: 10 });
    const [a, b] = [await makeUser(), await makeUser()];
    await placeOrder(a.id, { productId: product.id, quantity: 1, idempotencyKey: "key-shared-0001" });
    expect(
      await codeOf(
        placeOrder(a.id, { productId: product.id, quantity: 3, idempotencyKey: "key-shared-0001" }),
      ),
    ).toBe("IDEMPOTENCY_CONFLICT");
    expect(
      (await placeOrder(b.id, { productId: product.id, quantity: 1, idempotencyKey: "key-shared-0001" }))
        .created,
    ).toBe(true);
    expect(await stockOf(product.id)).toBe(8);
  });
});

describe("bad input leaves stock untouched", () => {
  it("unknown, archived, not in the show, unknown show, more than in stock", async () => {
    const seller = await makeUser("SELLER");
    const product = await makeProduct({ stock: 5, sellerId: seller.id });
    const other = await makeProduct({ stock: 5 });
    const show = await makeShow(seller.id, [product.id]);
    const buyer = await makeUser();

    expect(await codeOf(placeOrder(buyer.id, { productId: "nope", quantity: 1 }))).toBe("NOT_FOUND");
    expect(await codeOf(placeOrder(buyer.id, { productId: other.id, quantity: 1, roomId: show.id }))).toBe(
      "PRODUCT_NOT_IN_SHOW",
    );
    expect(
      await codeOf(placeOrder(buyer.id, { productId: product.id, quantity: 1, roomId: "no-such-show" })),
    ).toBe("NOT_FOUND");
    expect(await codeOf(placeOrder(buyer.id, { productId: product.id, quantity: 6 }))).toBe("OUT_OF_STOCK");
    await db.product.update({ where: { id: other.id }, data: { archivedAt: new Date() } });
    expect(await codeOf(placeOrder(buyer.id, { productId: other.id, quantity: 1 }))).toBe(
      "PRODUCT_UNAVAILABLE",
    );

    expect(await stockOf(product.id)).toBe(5);
    expect(await stockOf(other.id)).toBe(5);
    expect(await db.order.count({ where: { buyerId: buyer.id } })).toBe(0);
  });
});
