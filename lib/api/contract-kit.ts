import { oc, type HTTPMethod, type HTTPPath, type Route } from "@orpc/contract";
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

/** What an endpoint may set beyond its method, path and summary (`successStatus`, `outputStructure`, …). */
type RouteOptions = Omit<Route, "method" | "path" | "summary">;

const at =
  (method: HTTPMethod) =>
  (path: HTTPPath, summary: string, options: RouteOptions = {}) =>
    oc.route({ inputStructure: "detailed", ...options, method, path, summary });

/**
 * Every endpoint starts here, by its method, path and summary (`route.get("/rooms/{id}/deals", "…")`), then
 * `.input()` and `.output()` as oRPC's builder has them. A feature's tag is given once, where
 * lib/api/contract.ts combines the features.
 */
export const route = {
  get: at("GET"),
  post: at("POST"),
  put: at("PUT"),
  patch: at("PATCH"),
  delete: at("DELETE"),
};

/** For an answer with response headers: its output schema is `withHeaders(body)` (or `{ status, headers, body }`). */
export const detailedOutput = { outputStructure: "detailed" } as const;
