import { envPart, ZCommerceEnv } from "@/server/env";

export type TCommerceEnv = ReturnType<typeof ZCommerceEnv.parse>;

/**
 * ORDER_HOLD_SECONDS, ORDER_SWEEP_SECONDS, UPLOADS_DIR, PAYMENT_PROVIDER (declared in server/env.ts).
 * Parsed on every call (cheap) so tests can change the hold time per case.
 */
export function commerceEnv(): TCommerceEnv {
  return envPart(ZCommerceEnv);
}
