import type { TPaymentProvider } from "@/server/payments/provider";
import { createTestProvider } from "@/server/payments/test-provider";

const slot = globalThis as unknown as { onairPaymentProvider?: TPaymentProvider };

/**
 * The payment provider in use: PAYMENT_PROVIDER selects it (only `test` ships today). A real processor
 * would be one more implementation of TPaymentProvider chosen here, with its keys from the environment.
 */
export function getPaymentProvider(): TPaymentProvider {
  if (slot.onairPaymentProvider) return slot.onairPaymentProvider;
  const name = process.env.PAYMENT_PROVIDER ?? "test";
  if (name !== "test") throw new Error(`Unknown PAYMENT_PROVIDER "${name}": only "test" is available`);
  slot.onairPaymentProvider = createTestProvider();
  return slot.onairPaymentProvider;
}

/** Tests swap the provider (e.g. one that throws or takes long). */
export function setPaymentProvider(provider: TPaymentProvider | null): void {
  slot.onairPaymentProvider = provider ?? undefined;
}
