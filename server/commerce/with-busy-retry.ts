import { createLogger } from "@/server/log";

const log = createLogger("commerce");

/**
 * Errors that mean "the database was busy, try again": SQLite's SQLITE_BUSY (another process holds the
 * write lock past the busy timeout, or a read snapshot went stale), Prisma's transaction start timeout,
 * and PostgreSQL serialization failures and deadlocks.
 */
export function isBusyError(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown; meta?: unknown } | null;
  if (!e) return false;
  if (e.code === "P2034" || e.code === "P1008" || e.code === "P2024") return true;
  const text = `${typeof e.message === "string" ? e.message : ""} ${JSON.stringify(e.meta ?? "")}`;
  if (e.code === "P2028" && /start a transaction|timeout|expired/i.test(text)) return true;
  return /SQLITE_BUSY|database is locked|SocketTimeout|could not serialize|deadlock detected/i.test(text);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `fn` (one whole transaction) again when the database reports it was busy, with jittered backoff,
 * at most `attempts` times, so a burst of concurrent checkouts never surfaces SQLITE_BUSY to a buyer.
 */
export async function withBusyRetry<T>(what: string, fn: () => Promise<T>, attempts = 8): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (attempt >= attempts || !isBusyError(err)) throw err;
      const wait = Math.min(1000, 15 * 2 ** attempt) * (0.5 + Math.random());
      log.warn({ what, attempt, waitMs: Math.round(wait) }, "database busy, retrying");
      await sleep(wait);
    }
  }
}
