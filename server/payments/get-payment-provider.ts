import { commerceEnv } from "@/server/commerce/config";
import type { TPaymentProvider } from "@/server/payments/provider";
import { createTestProvider } from "@/server/payments/test-provider";
import { processSlot } from "@/server/process-state";

const slot = processSlot<TPaymentProvider>("payment-provider");

/**
 * The payment provider in use: PAYMENT_PROVIDER selects it (only `test` ships today). A real processor
 * would be one more implementation of TPaymentProvider chosen here, with its keys from the environment.
 */
export function getPaymentProvider(): TPaymentProvider {
  if (slot.current) return slot.current;
  const providers: Record<ReturnType<typeof commerceEnv>["PAYMENT_PROVIDER"], () => TPaymentProvider> = {
    test: createTestProvider,
  };
  const provider = providers[commerceEnv().PAYMENT_PROVIDER]();
  slot.current = provider;
  return provider;
}

/** Tests swap the provider (e.g. one that throws or takes long). */
export function setPaymentProvider(provider: TPaymentProvider | null): void {
  slot.current = provider ?? undefined;
}
