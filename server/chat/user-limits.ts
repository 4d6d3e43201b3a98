import type { TLimitRequest, TLimitVerdict } from "@/lib/chat/node-protocol";
import { RateLimiter } from "@/server/chat/rate-limit";

/** Slow-mode slots older than the longest slow mode (3600 s) can never refuse anything. */
const MAX_SLOW_MS = 3600_000;

/**
 * Per-user chat limits for the whole tier: the token bucket (burst 5, then 1/s per user) and each room's
 * slow mode. The master holds the one instance every slave asks, so a user on two slaves gets one budget;
 * a slave without a master falls back to its own instance (limits then count per slave until it is back).
 */
export class UserLimits {
  private readonly rate = new RateLimiter();
  /** `roomId userId` → when their last message passed slow mode. */
  private readonly lastSent = new Map<string, number>();

  take(req: Omit<TLimitRequest, "reqId">, now = Date.now()): TLimitVerdict {
    const token = this.rate.take(req.userId, now);
    if (!token.ok) return { code: "RATE_LIMITED", retryAfterMs: token.retryAfterMs };
    if (req.staff || req.slowModeSeconds <= 0 || !req.reserveSlow) return null;
    const key = `${req.roomId} ${req.userId}`;
    const last = this.lastSent.get(key);
    const wait = last === undefined ? 0 : last + req.slowModeSeconds * 1000 - now;
    if (wait > 0) return { code: "SLOW_MODE", retryAfterMs: wait };
    this.lastSent.set(key, now);
    return null;
  }

  refund(userId: string): void {
    this.rate.refund(userId);
  }

  sweep(now = Date.now()): void {
    this.rate.sweep(now);
    for (const [key, at] of this.lastSent) if (now - at > MAX_SLOW_MS) this.lastSent.delete(key);
  }
}
