import { z } from "zod";

/**
 * Blocking playlist reloads (RFC 8216bis §6.2.5.2): `?_HLS_msn=N&_HLS_part=M` holds the request until the
 * playlist holds part M of segment N (or segment N whole without `_HLS_part`). Waiters are woken by the
 * packager as each part arrives: no polling.
 */

/** A blocked request gives up after this and gets the current playlist (hls.js waits ~3 target durations). */
export const BLOCK_TIMEOUT_MS = 3000;
/** Further ahead than this many segments past the last one is an error (RFC: "plus two"). */
export const MAX_MSN_AHEAD = 2;

export const ZBlockingQuery = z
  .object({
    _HLS_msn: z.coerce
      .number()
      .int()
      .min(0)
      .max(2 ** 32)
      .optional(),
    _HLS_part: z.coerce.number().int().min(0).max(10_000).optional(),
    _HLS_skip: z.enum(["YES", "v2"]).optional(),
  })
  .refine((q) => q._HLS_part === undefined || q._HLS_msn !== undefined, {
    message: "_HLS_part needs _HLS_msn",
  });
export type TBlockingQuery = { msn: number; part: number | undefined } | null;

/** The blocking request in a query string, null for a plain reload, or an error message (400). */
export function parseBlockingQuery(search: URLSearchParams): TBlockingQuery | { error: string } {
  const raw = Object.fromEntries([...search].filter(([k]) => k.startsWith("_HLS_")));
  const parsed = ZBlockingQuery.safeParse(raw);
  if (!parsed.success)
    return {
      error: parsed.error.issues.map((i) => `${i.path.join(".") || "query"}: ${i.message}`).join("; "),
    };
  const { _HLS_msn: msn, _HLS_part: part } = parsed.data;
  return msn === undefined ? null : { msn, part };
}

/** Where the live edge is: enough to tell whether a requested part exists yet. */
export type TEdge = {
  /** Sequence number of the newest complete segment, -1 before the first. */
  lastComplete: number;
  /** Part count of a complete segment still listed with parts (undefined when older). */
  partsOf(seq: number): number | undefined;
  /** The segment being filled and its parts so far. */
  openSeq: number | null;
  openParts: number;
};

/** True once the playlist holds what the request waits for. */
export function reached(edge: TEdge, msn: number, part: number | undefined): boolean {
  if (part === undefined) return msn <= edge.lastComplete;
  if (msn < edge.lastComplete) return true;
  if (msn === edge.lastComplete) {
    const count = edge.partsOf(msn) ?? Infinity;
    // A part index past the segment's last part means part 0 of the next one (RFC 8216bis §6.2.5.2).
    return part < count || reached(edge, msn + 1, 0);
  }
  return msn === edge.openSeq && part < edge.openParts;
}

/** True when the request is so far ahead that it must be refused (400) rather than held. */
export function tooFarAhead(edge: TEdge, msn: number): boolean {
  const last = edge.openSeq ?? edge.lastComplete + 1;
  return msn > last + MAX_MSN_AHEAD;
}

type TWaiter<T> = { ready: () => boolean; resolve: (value: T | null) => void; timer: NodeJS.Timeout };

/** Requests waiting for a condition; `wake` re-checks them when something new arrived. */
export class WaiterList<T> {
  private waiters = new Set<TWaiter<T>>();

  get size(): number {
    return this.waiters.size;
  }

  /** Resolves with the value `wake` passes once `ready()` holds, or null after `timeoutMs`. */
  wait(ready: () => boolean, timeoutMs: number): Promise<T | null> {
    return new Promise((resolve) => {
      const waiter: TWaiter<T> = {
        ready,
        resolve,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          resolve(null);
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  wake(value: T): void {
    for (const w of this.waiters) {
      if (!w.ready()) continue;
      clearTimeout(w.timer);
      this.waiters.delete(w);
      w.resolve(value);
    }
  }

  /** Releases every waiter with `value` (the show ended). */
  wakeAll(value: T | null): void {
    for (const w of this.waiters) {
      clearTimeout(w.timer);
      w.resolve(value);
    }
    this.waiters.clear();
  }
}
