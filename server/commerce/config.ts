import { ZCommerceEnv } from "@/server/env";

export type TCommerceEnv = ReturnType<typeof ZCommerceEnv.parse>;

/**
 * ORDER_HOLD_SECONDS, ORDER_SWEEP_SECONDS, UPLOADS_DIR, PAYMENT_PROVIDER (declared in server/env.ts).
 * Parsed on every call (cheap) so tests can change the hold time per case.
 */
export function commerceEnv(): TCommerceEnv {
  const parsed = ZCommerceEnv.safeParse(process.env);
  if (!parsed.success) {
    const names = parsed.error.issues.map((i) => i.path.join(".")).join(", ");
    throw new Error(`Invalid commerce environment variable(s): ${names}`);
  }
  return parsed.data;
}
