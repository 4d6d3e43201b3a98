import { z } from "zod";
import { MAX_ORDER_QUANTITY } from "@/lib/commerce/limits";

export const ZId = z.string().trim().min(1).max(100);

/** Idempotency keys: what a client would generate (a UUID, a ULID, a random token). */
export const ZIdempotencyKey = z
  .string()
  .trim()
  .min(8, "Use at least 8 characters.")
  .max(100)
  .regex(/^[A-Za-z0-9_:.-]+$/, "Use letters, digits, '-', '_', ':' or '.'.");

/**
 * Fields a client might send to set its own price. The server decides every price, so a request that
 * carries one is refused rather than silently charged differently.
 */
export const PRICE_FIELDS = [
  "price",
  "priceMinor",
  "unitPrice",
  "unitPriceMinor",
  "total",
  "totalMinor",
  "amount",
  "dealPriceMinor",
  "currency",
] as const;

/** One product ordered: how many units, and the show it is bought from (its deal prices it). */
export const orderLineFields = {
  productId: ZId,
  quantity: z
    .number({ error: "Enter a whole number of units." })
    .int("Enter a whole number of units.")
    .min(1, "Order at least 1 unit.")
    .max(MAX_ORDER_QUANTITY, `Order at most ${MAX_ORDER_QUANTITY} units at a time.`),
  roomId: ZId.optional(),
};

/** `POST /api/orders`. Unknown keys are refused so a tampered body cannot slip through. */
export const ZPlaceOrderRequest = z.strictObject({
  ...orderLineFields,
  idempotencyKey: ZIdempotencyKey.optional(),
});
export type TPlaceOrderRequest = z.infer<typeof ZPlaceOrderRequest>;

const digits = (min: number, max: number, message: string) =>
  z
    .string()
    .transform((s) => s.replace(/[\s-]/g, ""))
    .pipe(z.string().regex(new RegExp(`^\\d{${min},${max}}$`), message));

export const ZCard = z.strictObject({
  number: digits(12, 19, "Your card number is incomplete."),
  expMonth: z.coerce
    .number()
    .int()
    .min(1, "Enter a month from 1 to 12.")
    .max(12, "Enter a month from 1 to 12."),
  /** Two-digit years mean 20YY, as printed on cards. */
  expYear: z.coerce
    .number()
    .int()
    .min(0)
    .max(2100)
    .transform((y) => (y < 100 ? 2000 + y : y))
    .pipe(z.number().min(2000, "Enter the year printed on the card.")),
  cvc: z
    .string()
    .trim()
    .regex(/^\d{3,4}$/, "Your card's security code is incomplete."),
});
export type TCard = z.infer<typeof ZCard>;

const text = (max: number, message: string) =>
  z.string().trim().min(1, message).max(max, `At most ${max} characters.`);

export const ZShipping = z.strictObject({
  name: text(100, "Enter the recipient's name."),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 ()-]{5,22}[0-9]$/, "Enter a phone number with digits, spaces, '-', '(' or ')'."),
  address1: text(200, "Enter the street address."),
  address2: z.string().trim().max(200, "At most 200 characters.").optional(),
  city: text(100, "Enter the city."),
  postalCode: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9 -]{1,9}$/, "Enter a postal code (2 to 10 letters or digits)."),
  country: z
    .string()
    .trim()
    .transform((s) => s.toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{2}$/, "Use the two-letter country code, e.g. KR.")),
});

/** `POST /api/orders/:id/pay`. */
export const ZPayOrderRequest = z.strictObject({ card: ZCard, shipping: ZShipping });
export type TPayOrderRequest = z.infer<typeof ZPayOrderRequest>;
