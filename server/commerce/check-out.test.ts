import { removeDbFiles } from "@/server/commerce/test/fresh-db";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { ApiError } from "@/server/http/errors";
import { checkOut } from "@/server/commerce/check-out";
import { payOrder } from "@/server/commerce/pay-order";
import { startDeal } from "@/server/commerce/start-deal";
import { startOrderSweeper, sweepExpiredOrders } from "@/server/commerce/sweep-expired-orders";
import { makeProduct, makeShow, makeUser, stockOf } from "@/server/commerce/test/fixtures";
import { testPayment } from "@/server/commerce/test/payment-fixtures";

afterAll(async () => {
  await db.$disconnect();
  removeDbFiles();
});

type TOutcome = { code: string; productIds?: string[]; orderId?: string };

async function attempt(p: Promise<{ order: { id: string } }>): Promise<TOutcome> {
  try {
    return { code: "OK", orderId: (await p).order.id };
  } catch (err) {
    if (err instanceof ApiError)
      return { code: err.code, productIds: err.more?.productIds as string[] | undefined };
    throw err;
  }
}

const key = () => `key-${Math.random().toString(36).slice(2, 12)}`;
const card = testPayment();

describe("checkout: all lines or none", () => {
  it("60 simultaneous two-line carts for 10 units of one line: 10 orders, 50 refusals naming that line, nothing half-reserved", async () => {
    const [plenty, scarce] = [await makeProduct({ stock: 30 }), await makeProduct({ stock: 10 })];
    const buyers = await Promise.all(Array.from({ length: 60 }, () => makeUser()));
    const outcomes = await Promise.all(
      buyers.map((b) =>
        attempt(
          checkOut(b.id, {
            lines: [
              { productId: plenty.id, quantity: 1 },
              { productId: scarce.id, quantity: 1 },
            ],
            idempotencyKey: key(),
          }),
        ),
      ),
    );
    expect(outcomes.filter((o) => o.code === "OK")).toHaveLength(10);
    const refused = outcomes.filter((o) => o.code !== "OK");
    expect(refused).toHaveLength(50);
    expect(refused.every((o) => o.code === "OUT_OF_STOCK" && o.productIds?.join() === scarce.id)).toBe(true);
    expect(await stockOf(scarce.id)).toBe(0);
    expect(await stockOf(plenty.id)).toBe(20); // the 50 refused carts reserved none of their first line
    const lines = await db.orderLine.groupBy({
      by: ["productId"],
      _sum: { quantity: true },
      where: { productId: { in: [plenty.id, scarce.id] } },
    });
    expect(Object.fromEntries(lines.map((l) => [l.productId, l._sum.quantity]))).toEqual({
      [plenty.id]: 10,
      [scarce.id]: 10,
    });
  });

  it("one order, one charge for the whole cart; GET-able with its lines; an expired cart gives every line back", async () => {
    const [a, b] = [
      await makeProduct({ stock: 5, priceMinor: 10000 }),
      await makeProduct({ stock: 5, priceMinor: 2500 }),
    ];
    const buyer = await makeUser();
    const { order, created } = await checkOut(buyer.id, {
      lines: [
        { productId: a.id, quantity: 2 },
        { productId: b.id, quantity: 3 },
      ],
      idempotencyKey: key(),
    });
    expect(created).toBe(true);
    expect(order.totalMinor).toBe(2 * 10000 + 3 * 2500);
    expect(order.lines.map((l) => [l.productId, l.quantity, l.unitPriceMinor])).toEqual([
      [a.id, 2, 10000],
      [b.id, 3, 2500],
    ]);
    const paid = await payOrder(buyer.id, order.id, card);
    expect(paid).toMatchObject({ status: "PAID", totalMinor: 27500 });
    expect(paid.lines).toHaveLength(2);

    const late = await checkOut(
      buyer.id,
      {
        lines: [
          { productId: a.id, quantity: 1 },
          { productId: b.id, quantity: 1 },
        ],
        idempotencyKey: key(),
      },
      () => new Date(Date.now() - 11 * 60_000),
    );
    expect([await stockOf(a.id), await stockOf(b.id)]).toEqual([2, 1]);
    expect(await sweepExpiredOrders()).toBeGreaterThanOrEqual(1);
    expect([await stockOf(a.id), await stockOf(b.id)]).toEqual([3, 2]);
    expect((await db.order.findUniqueOrThrow({ where: { id: late.order.id } })).status).toBe("EXPIRED");
  });
});

describe("checkout: idempotency", () => {
  it("the same key 20 times at once: one order, reserved once; another cart under it is refused", async () => {
    const product = await makeProduct({ stock: 10 });
    const buyer = await makeUser();
    const k = key();
    const lines = [{ productId: product.id, quantity: 2 }];
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () => attempt(checkOut(buyer.id, { lines, idempotencyKey: k }))),
    );
    expect(new Set(outcomes.map((o) => o.orderId)).size).toBe(1);
    expect(outcomes.every((o) => o.code === "OK")).toBe(true);
    expect(await stockOf(product.id)).toBe(8);
    expect(
      (
        await attempt(
          checkOut(buyer.id, { lines: [{ productId: product.id, quantity: 3 }], idempotencyKey: k }),
        )
      ).code,
    ).toBe("IDEMPOTENCY_CONFLICT");
    expect(await stockOf(product.id)).toBe(8);
  });
});

describe("checkout: holds and limits", () => {
  it("HOLD_LIMIT: at most 10 unpaid units per buyer per product (ORDER_HOLD_LIMIT), paid ones do not count", async () => {
    const product = await makeProduct({ stock: 100 });
    const buyer = await makeUser();
    const buy = (quantity: number) =>
      attempt(checkOut(buyer.id, { lines: [{ productId: product.id, quantity }], idempotencyKey: key() }));
    const first = await buy(6);
    expect((await buy(4)).code).toBe("OK");
    const refused = await buy(1);
    expect(refused).toMatchObject({ code: "HOLD_LIMIT", productIds: [product.id] });
    expect(await stockOf(product.id)).toBe(90);
    await payOrder(buyer.id, first.orderId!, card);
    expect((await buy(6)).code).toBe("OK");

    process.env.ORDER_HOLD_LIMIT = "3";
    try {
      const other = await makeUser();
      const outcomes = await Promise.all(
        Array.from({ length: 8 }, () =>
          attempt(
            checkOut(other.id, { lines: [{ productId: product.id, quantity: 1 }], idempotencyKey: key() }),
          ),
        ),
      );
      expect(outcomes.filter((o) => o.code === "OK")).toHaveLength(3);
      expect(outcomes.filter((o) => o.code === "HOLD_LIMIT")).toHaveLength(5);
    } finally {
      delete process.env.ORDER_HOLD_LIMIT;
    }
  });

  it("a deal's per-buyer limit counts across carts and lines, and refuses the whole cart", async () => {
    const seller = await makeUser("SELLER");
    const [deal, plain] = [
      await makeProduct({ stock: 50, priceMinor: 30000, sellerId: seller.id }),
      await makeProduct({ stock: 50, sellerId: seller.id }),
    ];
    const show = await makeShow(seller.id, [deal.id, plain.id]);
    await startDeal(show.id, {
      productId: deal.id,
      dealPriceMinor: 20000,
      durationSeconds: 600,
      limitPerBuyer: 2,
    });
    const buyer = await makeUser();
    const ok = await checkOut(buyer.id, {
      lines: [{ productId: deal.id, quantity: 2 }],
      idempotencyKey: key(),
      roomId: show.id,
    });
    expect(ok.order.unitPriceMinor).toBe(20000);
    const outcome = await attempt(
      checkOut(buyer.id, {
        lines: [
          { productId: plain.id, quantity: 1 },
          { productId: deal.id, quantity: 1 },
        ],
        idempotencyKey: key(),
        roomId: show.id,
      }),
    );
    expect(outcome).toMatchObject({ code: "LIMIT_EXCEEDED", productIds: [deal.id] });
    expect([await stockOf(deal.id), await stockOf(plain.id)]).toEqual([48, 50]);
  });

  it("a show that ENDED: no deal can start, and a running one stops pricing", async () => {
    const seller = await makeUser("SELLER");
    const product = await makeProduct({ stock: 10, priceMinor: 30000, sellerId: seller.id });
    const show = await makeShow(seller.id, [product.id]);
    await startDeal(show.id, { productId: product.id, dealPriceMinor: 20000, durationSeconds: 600 });
    await db.room.update({ where: { id: show.id }, data: { status: "ENDED", endedAt: new Date() } });
    const outcome = await startDeal(show.id, {
      productId: product.id,
      dealPriceMinor: 10000,
      durationSeconds: 60,
    }).then(
      () => "OK",
      (err: ApiError) => err.code,
    );
    expect(outcome).toBe("SHOW_ENDED");
    // Replay shopping goes on, at the regular price.
    const { order } = await checkOut((await makeUser()).id, {
      lines: [{ productId: product.id, quantity: 1 }],
      idempotencyKey: key(),
      roomId: show.id,
    });
    expect(order.unitPriceMinor).toBe(30000);
  });
});

describe("bounded holds", () => {
  it("an expired hold is back on sale within a second of expiring (the sweeper, ORDER_SWEEP_SECONDS 0.5)", async () => {
    const product = await makeProduct({ stock: 2 });
    const holdMs = 600_000; // ORDER_HOLD_SECONDS default
    const expiresAt = Date.now() + 300;
    await checkOut(
      (await makeUser()).id,
      { lines: [{ productId: product.id, quantity: 2 }], idempotencyKey: key() },
      () => new Date(expiresAt - holdMs),
    );
    expect(await stockOf(product.id)).toBe(0);
    const stop = startOrderSweeper();
    try {
      while ((await stockOf(product.id)) !== 2) await new Promise((r) => setTimeout(r, 20));
      expect(Date.now() - expiresAt).toBeLessThan(1000);
    } finally {
      stop();
    }
  });
});
