import { z } from "zod";

/**
 * Limits on guessing passwords and mass sign-ups (docs/SECURITY.md). Parsed on their own, like the
 * commerce settings, so the numbers are read where they are used; server/env.ts validates them at start.
 */
export const ZAuthThrottleEnv = z.object({
  /** Failed sign-ins per account per 15 minutes before that account's sign-in is paused. */
  SIGNIN_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).max(1_000_000).default(10),
  /** Failed sign-ins from one address per 15 minutes (credential stuffing over many accounts). */
  SIGNIN_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).max(1_000_000).default(100),
  /** Accounts created from one address per hour (the contract's name). */
  SIGNUP_LIMIT_PER_HOUR: z.coerce.number().int().min(1).max(1_000_000).default(20),
});
