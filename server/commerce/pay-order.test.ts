import { removeDbFiles } from "@/server/commerce/test/fresh-db";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import type { ApiError } from "@/server/http/errors";
import { apiErrorOf } from "@/server/test/api-error";
import { placeOrder } from "@/server/commerce/place-order";
import { payOrder } from "@/server/commerce/pay-order";
import { cancelOrder } from "@/server/commerce/cancel-order";
import { ZPayOrderRequest, type TPayOrderRequest } from "@/lib/commerce/order-schemas";
import { testPayment } from "@/server/commerce/test/payment-fixtures";
import { createTestProvider } from "@/server/payments/test-provider";
import { setPaymentProvider } from "@/server/payments/get-payment-provider";
import { makeProduct, makeUser, stockOf } from "@/server/commerce/test/fixtures";

afterEach(() => setPaymentProvider(null));
afterAll(async () => {
  await db.$disconnect();
  removeDbFiles();
});

// The country as a shopper may type it: stored upper-case.
const pay = (number: string, card: Partial<TPayOrderRequest["card"]> = {}): TPayOrderRequest =>
  testPayment({ ...card, number }, { country: "kr" });

async function held(stock = 5, quantity = 2) {
  const product = await makeProduct({ stock, priceMinor: 39000 });
  const buyer = await makeUser();
  const { order } = await placeOrder(buyer.id, { productId: product.id, quantity });
  return { product, buyer, order };
}

describe("payOrder with the test provider", () => {
  it("4242 4242 4242 4242 pays: PAID, total charged, shipping kept, units stay sold", async () => {
    const { product, buyer, order } = await held();
    const paid = await payOrder(buyer.id, order.id, pay("4242 4242 4242 4242"));
    expect(paid).toMatchObject({ status: "PAID", totalMinor: 78000, unitPriceMinor: 39000, currency: "KRW" });
    expect(paid.paidAt).not.toBeNull();
    const row = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(row.paymentRef).toMatch(/^test_ch_/);
    expect(JSON.parse(row.shipping ?? "{}")).toMatchObject({ city: "Seoul", country: "KR" });
    expect(await stockOf(product.id)).toBe(3);
    // Paying again (a double click that arrives late) returns the paid order and charges nothing.
    expect((await payOrder(buyer.id, order.id, pay("4242424242424242"))).status).toBe("PAID");
  });

  it("4000 0000 0000 0002 is declined with the reason; no paid order, units back", async () => {
    const { product, buyer, order } = await held();
    expect(await stockOf(product.id)).toBe(3);
    const err = await apiErrorOf(payOrder(buyer.id, order.id, pay("4000000000000002")));
    expect(err).toMatchObject({ status: 402, code: "PAYMENT_DECLINED", message: "Your card was declined." });
    const row = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(row).toMatchObject({ status: "FAILED", failureReason: "Your card was declined.", paidAt: null });
    expect(await stockOf(product.id)).toBe(5);
    // A failed order cannot be paid afterwards.
    expect((await apiErrorOf(payOrder(buyer.id, order.id, pay("4242424242424242")))).code).toBe(
      "ORDER_NOT_PAYABLE",
    );
  });

  it("other decline codes carry their reasons", async () => {
    for (const [number, reason] of [
      ["4000000000009995", "Your card has insufficient funds."],
      ["4000000000000069", "Your card has expired."],
      ["4000000000000127", "Your card's security code is incorrect."],
    ] as const) {
      const { buyer, order } = await held();
      expect(await apiErrorOf(payOrder(buyer.id, order.id, pay(number)))).toMatchObject({
        code: "PAYMENT_DECLINED",
        message: reason,
      });
    }
  });

  it("card details that cannot be right are a 400 naming the field; the order stays payable", async () => {
    const { product, buyer, order } = await held();
    const year = new Date().getFullYear();
    const cases: [TPayOrderRequest, string][] = [
      [pay("4242424242424241"), "card.number"],
      [pay("4242424242424242", { expYear: year - 1 }), "card.expYear"],
      [pay("4242424242424242", { cvc: "1234" }), "card.cvc"],
    ];
    for (const [input, field] of cases) {
      const err = await apiErrorOf(payOrder(buyer.id, order.id, input));
      expect(err.status).toBe(400);
      expect(Object.keys(err.fields ?? {})).toEqual([field]);
    }
    expect(await stockOf(product.id)).toBe(3);
    expect((await payOrder(buyer.id, order.id, pay("4242424242424242"))).status).toBe("PAID");
  });

  it("ten simultaneous pays of one order charge once", async () => {
    const { buyer, order } = await held();
    const real = createTestProvider();
    let charges = 0;
    setPaymentProvider({
      ...real,
      charge: async (req) => {
        charges++;
        await new Promise((r) => setTimeout(r, 30));
        return real.charge(req);
      },
    });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => payOrder(buyer.id, order.id, pay("4242424242424242"))),
    );
    expect(charges).toBe(1);
    expect(results.filter((r) => r.status === "fulfilled")).not.toHaveLength(0);
    for (const r of results)
      if (r.status === "rejected") expect((r.reason as ApiError).code).toBe("PAYMENT_IN_PROGRESS");
  });

  it("only the buyer pays; a cancelled order's units go back", async () => {
    const { product, buyer, order } = await held();
    const stranger = await makeUser();
    expect((await apiErrorOf(payOrder(stranger.id, order.id, pay("4242424242424242")))).status).toBe(403);
    expect((await apiErrorOf(cancelOrder(stranger, order.id))).status).toBe(403);
    expect((await cancelOrder(buyer, order.id)).status).toBe("CANCELLED");
    expect(await stockOf(product.id)).toBe(5);
    expect((await cancelOrder(buyer, order.id)).status).toBe("CANCELLED"); // twice: still released once
    expect(await stockOf(product.id)).toBe(5);
  });
});

describe("pay request validation", () => {
  it("refuses incomplete shipping and card fields with field names", () => {
    const bad = ZPayOrderRequest.safeParse({
      card: { number: "4242", expMonth: 13, expYear: 2030, cvc: "1" },
      shipping: { name: "", phone: "call me", address1: "", city: "", postalCode: "!", country: "Korea" },
    });
    expect(bad.success).toBe(false);
    const paths = new Set(bad.error?.issues.map((i) => i.path.join(".")));
    for (const f of [
      "card.number",
      "card.expMonth",
      "card.cvc",
      "shipping.name",
      "shipping.phone",
      "shipping.address1",
      "shipping.city",
      "shipping.postalCode",
      "shipping.country",
    ]) {
      expect(paths).toContain(f);
    }
  });
});
