import type { TCard } from "@/lib/commerce/order-schemas";

/** One charge of a card for an order. Money in integer minor units of `currency`. */
export type TChargeRequest = {
  amountMinor: number;
  currency: string;
  card: TCard;
  /** Shown on the statement and in the processor's dashboard. */
  description: string;
  /** The processor must charge at most once per key (our order id), whatever the retries. */
  idempotencyKey: string;
};

export type TChargeResult =
  /** Money captured; `reference` identifies the charge for refunds and support. */
  | { status: "succeeded"; reference: string; brand: string; last4: string }
  /** The issuer refused; `reason` is safe to show to the buyer ("Your card was declined."). */
  | { status: "declined"; code: string; reason: string }
  /** The card details cannot be right (bad number, past expiry, short CVC): the buyer can fix and retry. */
  | { status: "invalid"; field: "number" | "expMonth" | "expYear" | "cvc"; reason: string };

/** A payment processor. Ship more by implementing this and selecting it in getPaymentProvider(). */
export type TPaymentProvider = {
  readonly name: string;
  /** True when no real money moves: the UI shows a "test mode" banner. */
  readonly testMode: boolean;
  charge: (request: TChargeRequest) => Promise<TChargeResult>;
  /** Gives back a captured charge (e.g. the order expired while the card was being charged). */
  refund: (reference: string, amountMinor: number) => Promise<void>;
};
