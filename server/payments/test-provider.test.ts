import { describe, expect, it } from "vitest";
import { createTestProvider, TEST_SUCCESS_CARDS } from "@/server/payments/test-provider";
import { expired, luhnValid } from "@/server/payments/card-checks";

const charge = (number: string, more: Partial<{ expMonth: number; expYear: number; cvc: string }> = {}) =>
  createTestProvider(() => new Date("2026-11-26T00:00:00Z")).charge({
    amountMinor: 1000,
    currency: "KRW",
    description: "test",
    idempotencyKey: "k",
    card: { number, expMonth: 12, expYear: 2027, cvc: number.startsWith("3") ? "1234" : "123", ...more },
  });

describe("test payment provider", () => {
  it("every published test card passes the Luhn check", () => {
    for (const n of [
      ...TEST_SUCCESS_CARDS,
      "4000000000000002",
      "4000000000009995",
      "4000000000000069",
      "4000000000000127",
      "4000000000000119",
    ]) {
      expect(luhnValid(n), n).toBe(true);
    }
  });

  it("succeeds, declines and validates like a processor's test mode", async () => {
    expect(await charge("4242424242424242")).toMatchObject({
      status: "succeeded",
      brand: "visa",
      last4: "4242",
    });
    expect(await charge("378282246310005")).toMatchObject({ status: "succeeded", brand: "amex" });
    expect(await charge("4000000000000002")).toEqual({
      status: "declined",
      code: "card_declined",
      reason: "Your card was declined.",
    });
    const unknown = await charge("4111111111111111");
    expect(unknown.status === "declined" && unknown.reason).toContain("test mode");
    expect(await charge("4242424242424243")).toMatchObject({ status: "invalid", field: "number" });
    expect(await charge("4242424242424242", { expMonth: 10, expYear: 2026 })).toMatchObject({
      status: "invalid",
      field: "expMonth",
    });
    expect(await charge("4242424242424242", { expYear: 2025 })).toMatchObject({
      status: "invalid",
      field: "expYear",
    });
    expect(await charge("4242424242424242", { cvc: "12" })).toMatchObject({
      status: "invalid",
      field: "cvc",
    });
  });

  it("a card is good through the last day of its expiry month", () => {
    expect(expired(11, 2026, new Date("2026-11-30T23:59:59Z"))).toBe(false);
    expect(expired(11, 2026, new Date("2026-12-01T00:00:00Z"))).toBe(true);
  });
});
