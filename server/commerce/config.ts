import { z } from "zod";

// Commerce settings live here rather than in server/env.ts so the core stays importable from tests and
// scripts; the lead may fold them into env.ts (and .env.example) later.
const ZCommerceEnv = z.object({
  /** How long an unpaid order holds its units before the sweeper puts them back. */
  ORDER_HOLD_SECONDS: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60 * 60)
    .default(600),
  /** How often startOrderSweeper() looks for expired holds. */
  ORDER_SWEEP_SECONDS: z.coerce.number().int().min(1).max(3600).default(15),
  /** Where uploaded product images are written. */
  UPLOADS_DIR: z.string().min(1).default("./data/uploads"),
});

export type TCommerceEnv = z.infer<typeof ZCommerceEnv>;

/** Parsed on every call (cheap) so tests can change the hold time per case. */
export function commerceEnv(): TCommerceEnv {
  const parsed = ZCommerceEnv.safeParse(process.env);
  if (!parsed.success) {
    const names = parsed.error.issues.map((i) => i.path.join(".")).join(", ");
    throw new Error(`Invalid commerce environment variable(s): ${names}`);
  }
  return parsed.data;
}
