import { z } from "zod";

/**
 * What every feature's contract (`lib/<feature>/*.contract.ts`) shares. The REST API takes the "detailed"
 * input structure (`{ params, query, body, headers }`) so a path id never mixes with a strict body's keys,
 * and a validation error names the part it came from.
 */

/** One rule for every `{id}` in a path (a show, an order, a product): 1 to 100 characters. */
export const ZRouteId = z.string().min(1).max(100);
export const ZIdParams = z.object({ id: ZRouteId });

/** A JSON answer with response headers (`cache-control` on private reads): oRPC's "detailed" output. */
export function withHeaders<T extends z.ZodType>(body: T) {
  return z.object({ headers: z.record(z.string(), z.string()).optional(), body });
}
