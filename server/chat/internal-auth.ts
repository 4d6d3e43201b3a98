import { timingSafeEqual } from "node:crypto";

/** Header the web tier sends to the master's internal endpoints. */
export const INTERNAL_HEADER = "x-onair-internal-secret";

/** Constant-time comparison, so the secret cannot be guessed byte by byte from response times. */
export function secretMatches(given: unknown, secret: string): boolean {
  if (typeof given !== "string") return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}
