import { RateLimiterMemory } from "rate-limiter-flexible";
import { envPart } from "@/server/env";
import { ZAuthThrottleEnv } from "@/server/security/auth-throttle-env";
import { ApiError } from "@/server/http/errors";
import { forgetProcessWide, processWide } from "@/server/process-state";

const SIGNIN_WINDOW_SECONDS = 15 * 60;
const SIGNUP_WINDOW_SECONDS = 60 * 60;

type TLimiters = { account: RateLimiterMemory; address: RateLimiterMemory; signup: RateLimiterMemory };

// One set per process (server/process-state.ts): Next.js bundles each route with its own copy of this module, and the
// sign-in and sign-up routes must count into the same limiters. In memory: with several web processes,
// each counts on its own (docs/SECURITY.md gives the arithmetic).
function limiters(): TLimiters {
  return processWide("auth-limiters", makeLimiters);
}

function makeLimiters(): TLimiters {
  const e = envPart(ZAuthThrottleEnv);
  return {
    account: new RateLimiterMemory({
      keyPrefix: "signin-account",
      points: e.SIGNIN_FAILURES_PER_ACCOUNT,
      duration: SIGNIN_WINDOW_SECONDS,
    }),
    address: new RateLimiterMemory({
      keyPrefix: "signin-address",
      points: e.SIGNIN_FAILURES_PER_ADDRESS,
      duration: SIGNIN_WINDOW_SECONDS,
    }),
    signup: new RateLimiterMemory({
      keyPrefix: "signup-address",
      points: e.SIGNUP_LIMIT_PER_HOUR,
      duration: SIGNUP_WINDOW_SECONDS,
    }),
  };
}

/** Forgets every count (tests that change the limits between cases). */
export function resetAuthThrottle(): void {
  forgetProcessWide("auth-limiters");
}

function rateLimited(msBeforeNext: number, message: string): ApiError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new ApiError(429, "RATE_LIMITED", message, undefined, undefined, { "Retry-After": String(seconds) });
}

const TOO_MANY_SIGNINS = "Too many failed sign-ins. Wait a moment before trying again.";

/** Before checking a password: 429 while this account or this address has used up its failures. */
export async function assertSignInAllowed(email: string, address: string): Promise<void> {
  const l = limiters();
  const [byAccount, byAddress] = await Promise.all([l.account.get(email), l.address.get(address)]);
  const blocked = [
    { res: byAccount, max: l.account.points },
    { res: byAddress, max: l.address.points },
  ].filter((b) => b.res !== null && b.res.consumedPoints >= b.max);
  if (blocked.length > 0)
    throw rateLimited(Math.max(...blocked.map((b) => b.res?.msBeforeNext ?? 0)), TOO_MANY_SIGNINS);
}

/** A wrong password (or unknown email) counts against both the account and the address. */
export async function recordSignInFailure(email: string, address: string): Promise<void> {
  const l = limiters();
  await Promise.all([l.account.penalty(email, 1), l.address.penalty(address, 1)]);
}

/** A correct password clears the account's count (not the address's: stuffing from one address still counts). */
export async function recordSignInSuccess(email: string): Promise<void> {
  await limiters().account.delete(email);
}

/** One sign-up attempt from this address; 429 past SIGNUP_LIMIT_PER_HOUR. */
export async function takeSignUp(address: string): Promise<void> {
  try {
    await limiters().signup.consume(address, 1);
  } catch (res) {
    const ms =
      typeof res === "object" && res !== null && "msBeforeNext" in res ? Number(res.msBeforeNext) : 60_000;
    throw rateLimited(ms, "Too many accounts were created from your network. Try again later.");
  }
}
