import { removeDbFiles } from "@/server/commerce/test/fresh-db";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { codeOf } from "@/server/test/api-error";
import { placeOrder } from "@/server/commerce/place-order";
import { payOrder } from "@/server/commerce/pay-order";
import { startDeal } from "@/server/commerce/start-deal";
import { stopDeal } from "@/server/commerce/stop-deal";
import { pinProduct } from "@/server/commerce/pin-product";
import { getShowSales } from "@/server/commerce/get-show-sales";
import { checkOut } from "@/server/commerce/check-out";
import { sweepExpiredOrders } from "@/server/commerce/sweep-expired-orders";
import { makeProduct, makeShow, makeUser, stockOf } from "@/server/commerce/test/fixtures";
import { testPayment } from "@/server/commerce/test/payment-fixtures";

afterAll(async () => {
  await db.$disconnect();
  removeDbFiles();
});

async function showWith(stock: number, priceMinor = 50000) {
  const seller = await makeUser("SELLER");
  const product = await makeProduct({ stock, priceMinor, sellerId: seller.id });
  const show = await makeShow(seller.id, [product.id]);
  return { seller, product, show };
}

const MINUTE = 60_000;

const card = () => testPayment();

describe("flash deals", () => {
  it("the deal price applies only while the deal runs by the server clock", async () => {
    const { product, show } = await showWith(10);
    const buyer = await makeUser();
    const t0 = new Date();
    await startDeal(show.id, { productId: product.id, dealPriceMinor: 29000, durationSeconds: 60 }, t0);

    const during = await placeOrder(
      buyer.id,
      { productId: product.id, quantity: 2, roomId: show.id },
      () => new Date(t0.getTime() + 30_000),
    );
    expect(during.order).toMatchObject({ unitPriceMinor: 29000, totalMinor: 58000 });
    const after = await placeOrder(
      buyer.id,
      { productId: product.id, quantity: 1, roomId: show.id },
      () => new Date(t0.getTime() + 61_000),
    );
    expect(after.order).toMatchObject({ unitPriceMinor: 50000, totalMinor: 50000 });
    // Bought without naming the show, the running deal still prices it (one price everywhere), and the
    // order is counted as the show's (its deal limit and sales).
    const direct = await placeOrder(
      buyer.id,
      { productId: product.id, quantity: 1 },
      () => new Date(t0.getTime() + 30_000),
    );
    expect(direct.order).toMatchObject({ unitPriceMinor: 29000, roomId: show.id });

    await stopDeal(show.id, product.id);
    const stopped = await placeOrder(buyer.id, { productId: product.id, quantity: 1, roomId: show.id });
    expect(stopped.order.unitPriceMinor).toBe(50000);
  });

  it("a deal price must be below the regular price, on a product of the show", async () => {
    const { product, show } = await showWith(10);
    const other = await makeProduct({ stock: 1 });
    expect(
      await codeOf(startDeal(show.id, { productId: product.id, dealPriceMinor: 50000, durationSeconds: 60 })),
    ).toBe("INVALID");
    expect(
      await codeOf(startDeal(show.id, { productId: other.id, dealPriceMinor: 100, durationSeconds: 60 })),
    ).toBe("PRODUCT_NOT_IN_SHOW");
  });

  it("the per-buyer limit holds under 30 simultaneous orders from one buyer", async () => {
    const { product, show } = await showWith(100);
    const [greedy, other] = [await makeUser(), await makeUser()];
    await startDeal(show.id, {
      productId: product.id,
      dealPriceMinor: 10000,
      durationSeconds: 600,
      limitPerBuyer: 3,
    });

    const codes = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        codeOf(
          placeOrder(i % 2 ? greedy.id : other.id, { productId: product.id, quantity: 1, roomId: show.id }),
        ),
      ),
    );
    expect(codes.filter((c) => c === "OK")).toHaveLength(6);
    expect(codes.filter((c) => c === "LIMIT_EXCEEDED")).toHaveLength(24);
    expect(await stockOf(product.id)).toBe(94);
    expect(
      await codeOf(
        placeOrder(await makeUser().then((u) => u.id), {
          productId: product.id,
          quantity: 4,
          roomId: show.id,
        }),
      ),
    ).toBe("LIMIT_EXCEEDED");
    expect(await stockOf(product.id)).toBe(94);
  });
});

describe("holds of unpaid orders", () => {
  it("the sweeper releases expired holds exactly once and the order can no longer be paid", async () => {
    const product = await makeProduct({ stock: 4 });
    const buyer = await makeUser();
    const longAgo = () => new Date(Date.now() - 11 * MINUTE); // the default hold is 10 minutes
    const fresh = await placeOrder(buyer.id, { productId: product.id, quantity: 1 });
    const { order } = await placeOrder(buyer.id, { productId: product.id, quantity: 3 }, longAgo);
    expect(await stockOf(product.id)).toBe(0);

    const [a, b] = await Promise.all([sweepExpiredOrders(), sweepExpiredOrders()]);
    expect(a + b).toBe(1);
    expect(await stockOf(product.id)).toBe(3);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("EXPIRED");
    expect((await db.order.findUniqueOrThrow({ where: { id: fresh.order.id } })).status).toBe(
      "PENDING_PAYMENT",
    );

    const card = testPayment();
    expect(await codeOf(payOrder(buyer.id, order.id, card))).toBe("ORDER_EXPIRED");
  });

  it("a reservation sweeps expired holds of the product first, so sold-out-by-holds sells again", async () => {
    const product = await makeProduct({ stock: 1 });
    const [a, b] = [await makeUser(), await makeUser()];
    await placeOrder(a.id, { productId: product.id, quantity: 1 }, () => new Date(Date.now() - 11 * MINUTE));
    expect((await placeOrder(b.id, { productId: product.id, quantity: 1 })).created).toBe(true);
    expect(await stockOf(product.id)).toBe(0);
  });

  it("ORDER_HOLD_SECONDS sets the hold", async () => {
    process.env.ORDER_HOLD_SECONDS = "30";
    try {
      const product = await makeProduct({ stock: 1 });
      const at = new Date();
      const { order } = await placeOrder(
        (await makeUser()).id,
        { productId: product.id, quantity: 1 },
        () => at,
      );
      expect(new Date(order.expiresAt).getTime() - at.getTime()).toBe(30_000);
    } finally {
      delete process.env.ORDER_HOLD_SECONDS;
    }
  });
});

describe("pin and sales panel", () => {
  it("pins only the show's products and records each pin", async () => {
    const { product, show } = await showWith(5);
    const other = await makeProduct({ stock: 1 });
    expect(await codeOf(pinProduct(show.id, other.id))).toBe("PRODUCT_NOT_IN_SHOW");
    expect(await pinProduct(show.id, product.id)).toEqual({ roomId: show.id, pinnedProductId: product.id });
    expect(await pinProduct(show.id, null)).toEqual({ roomId: show.id, pinnedProductId: null });
    expect((await db.room.findUniqueOrThrow({ where: { id: show.id } })).pinnedProductId).toBeNull();
    expect(await db.pinEvent.count({ where: { roomId: show.id } })).toBe(2);
  });

  it("counts paid orders, units, revenue and orders per hundred viewers", async () => {
    const { product, show } = await showWith(20, 10000);
    const card = testPayment();
    for (const q of [1, 3]) {
      const buyer = await makeUser();
      const { order } = await placeOrder(buyer.id, { productId: product.id, quantity: q, roomId: show.id });
      await payOrder(buyer.id, order.id, card);
    }
    await placeOrder((await makeUser()).id, { productId: product.id, quantity: 2, roomId: show.id });
    const sales = await getShowSales(show.id, 40);
    expect(sales).toMatchObject({
      orders: 2,
      units: 4,
      revenueMinor: 40000,
      currency: "KRW",
      pending: { orders: 1, units: 2 },
      viewers: 40,
      ordersPerHundredViewers: 5,
    });
    expect(sales.products[0]).toMatchObject({ productId: product.id, orders: 2, units: 4, stock: 14 });
    expect(sales.recent).toHaveLength(2);
    expect((await getShowSales(show.id)).ordersPerHundredViewers).toBeNull();
  });

  it("counts every line of a multi-line (cart) order, not only its first", async () => {
    const seller = await makeUser("SELLER");
    const a = await makeProduct({ stock: 10, priceMinor: 1000, sellerId: seller.id });
    const b = await makeProduct({ stock: 10, priceMinor: 2000, sellerId: seller.id });
    const show = await makeShow(seller.id, [a.id, b.id]);
    const buyer = await makeUser();
    const { order } = await checkOut(buyer.id, {
      lines: [
        { productId: a.id, quantity: 1 },
        { productId: b.id, quantity: 3 },
      ],
      idempotencyKey: `sales-${Date.now()}-${Math.random().toString(36).slice(2)}`,
      roomId: show.id,
    });
    const pending = await getShowSales(show.id, 10);
    expect(pending.pending).toEqual({ orders: 1, units: 4 });
    await payOrder(buyer.id, order.id, card());
    const sales = await getShowSales(show.id, 10);
    expect(sales).toMatchObject({
      orders: 1,
      units: 4,
      revenueMinor: 7000,
      pending: { orders: 0, units: 0 },
    });
    expect(sales.products.find((p) => p.productId === a.id)).toMatchObject({
      orders: 1,
      units: 1,
      revenueMinor: 1000,
    });
    expect(sales.products.find((p) => p.productId === b.id)).toMatchObject({
      orders: 1,
      units: 3,
      revenueMinor: 6000,
    });
    expect(sales.recent[0]).toMatchObject({ quantity: 4, totalMinor: 7000 });
  });
});
