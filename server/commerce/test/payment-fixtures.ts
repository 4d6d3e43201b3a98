import { ZPayOrderRequest, type TPayOrderRequest } from "@/lib/commerce/order-schemas";

/**
 * The processor's test card that always pays and a shipping address that validates: for tests and the
 * hostile suite (no database import here, the hostile suite talks to a running system over HTTP).
 */
export const TEST_CARD = {
  number: "4242 4242 4242 4242",
  expMonth: 12,
  expYear: new Date().getFullYear() + 1,
  cvc: "123",
};
export const TEST_SHIPPING = {
  name: "Kim",
  phone: "010-1234-5678",
  address1: "1 Main St",
  city: "Seoul",
  postalCode: "04524",
  country: "KR",
};

/** A pay request as the pay route hands it to `payOrder` (parsed: the card number without its spaces). */
export function testPayment(
  card: Partial<typeof TEST_CARD> = {},
  shipping: Partial<typeof TEST_SHIPPING> = {},
): TPayOrderRequest {
  return ZPayOrderRequest.parse({
    card: { ...TEST_CARD, ...card },
    shipping: { ...TEST_SHIPPING, ...shipping },
  });
}
