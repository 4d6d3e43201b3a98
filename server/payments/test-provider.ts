import { randomBytes } from "node:crypto";
import { createLogger } from "@/server/log";
import type { TChargeRequest, TChargeResult, TPaymentProvider } from "@/server/payments/provider";
import { brandOf, expired, luhnValid } from "@/server/payments/card-checks";

const log = createLogger("payments:test");

type TDecline = { code: string; reason: string };

/** The test cards of a card processor's test mode (the same numbers its docs publish). */
const DECLINES: Record<string, TDecline> = {
  "4000000000000002": { code: "card_declined", reason: "Your card was declined." },
  "4000000000009995": { code: "insufficient_funds", reason: "Your card has insufficient funds." },
  "4000000000009987": { code: "lost_card", reason: "Your card was declined." },
  "4000000000009979": { code: "stolen_card", reason: "Your card was declined." },
  "4000000000000069": { code: "expired_card", reason: "Your card has expired." },
  "4000000000000127": { code: "incorrect_cvc", reason: "Your card's security code is incorrect." },
  "4000000000000119": {
    code: "processing_error",
    reason: "An error occurred while processing your card. Try again in a little bit.",
  },
};
export const TEST_SUCCESS_CARDS = [
  "4242424242424242",
  "4000056655665556",
  "5555555555554444",
  "2223003122003222",
  "378282246310005",
  "6011111111111117",
];

const NOT_A_TEST_CARD: TDecline = {
  code: "card_declined",
  reason: "Your card was declined. This shop is in test mode: use a test card such as 4242 4242 4242 4242.",
};

/** Behaves like a processor's test mode: no money moves, outcomes depend on the card number. */
export function createTestProvider(clock: () => Date = () => new Date()): TPaymentProvider {
  const charged = new Map<string, string>(); // idempotency key → reference, like the real thing

  function check({ card }: TChargeRequest): TChargeResult | null {
    if (!luhnValid(card.number))
      return { status: "invalid", field: "number", reason: "Your card number is invalid." };
    const now = clock();
    if (card.expYear > now.getUTCFullYear() + 50)
      return { status: "invalid", field: "expYear", reason: "Your card's expiration year is invalid." };
    if (expired(card.expMonth, card.expYear, now)) {
      const field = card.expYear < now.getUTCFullYear() ? "expYear" : "expMonth";
      return { status: "invalid", field, reason: "Your card's expiration date is in the past." };
    }
    const cvcLength = brandOf(card.number) === "amex" ? 4 : 3;
    if (card.cvc.length !== cvcLength)
      return { status: "invalid", field: "cvc", reason: "Your card's security code is invalid." };
    return null;
  }

  return {
    name: "test",
    testMode: true,
    charge(request) {
      const invalid = check(request);
      if (invalid) return Promise.resolve(invalid);
      const decline =
        DECLINES[request.card.number] ??
        (TEST_SUCCESS_CARDS.includes(request.card.number) ? null : NOT_A_TEST_CARD);
      if (decline) {
        log.info({ code: decline.code, amountMinor: request.amountMinor }, "test charge declined");
        return Promise.resolve({ status: "declined", ...decline });
      }
      const reference = charged.get(request.idempotencyKey) ?? `test_ch_${randomBytes(12).toString("hex")}`;
      charged.set(request.idempotencyKey, reference);
      log.info(
        { reference, amountMinor: request.amountMinor, currency: request.currency },
        "test charge succeeded",
      );
      return Promise.resolve({
        status: "succeeded",
        reference,
        brand: brandOf(request.card.number),
        last4: request.card.number.slice(-4),
      });
    },
    refund(reference, amountMinor) {
      log.info({ reference, amountMinor }, "test charge refunded");
      return Promise.resolve();
    },
  };
}
