import "server-only";
import { z } from "zod";
import { OpenAPIHandler } from "@orpc/openapi/fetch";
import { experimental_RethrowHandlerPlugin as RethrowHandlerPlugin } from "@orpc/server/plugins";
import { router } from "@/server/api/router";
import { asApiError } from "@/server/api/errors";
import { allowedMethods } from "@/server/api/allowed-methods";
import { ApiError, notFound } from "@/server/http/errors";
import { BODY_TOO_LARGE, MAX_BODY_BYTES, parseJsonBytes } from "@/server/http/request-rules";
import { readCappedBody } from "@/server/products/images/read-capped-body";

// Every error leaves the handler as thrown, so one place maps it (server/api/errors.ts, then handle()).
const handler = new OpenAPIHandler(router, { plugins: [new RethrowHandlerPlugin({ filter: () => true })] });

const NO_BODY = new Set(["GET", "HEAD"]);

/**
 * Each query key once, with its last value, as the route files read a query (`Object.fromEntries`): oRPC
 * would make a repeated key an array, and `?limit=5&limit=9` a 400 where it was `limit=9`.
 */
function lastValuePerKey(url: string): string {
  const parsed = new URL(url);
  if (!parsed.search) return url;
  parsed.search = new URLSearchParams(Object.fromEntries(parsed.searchParams)).toString();
  return parsed.toString();
}

/**
 * The request with its body checked by the API's rules before oRPC reads it: at most 64 KB, UTF-8, JSON
 * (whatever the Content-Type), no lone surrogates; an empty body is `{}`. oRPC then always sees JSON.
 */
async function withJsonBody(req: Request): Promise<Request> {
  const url = lastValuePerKey(req.url);
  // Next.js answers HEAD with the GET handler, as it did for the route files; oRPC only knows GET.
  if (req.method === "HEAD") return new Request(url, { method: "GET", headers: req.headers });
  if (NO_BODY.has(req.method)) return url === req.url ? req : new Request(url, req);
  const bytes = await readCappedBody(req, MAX_BODY_BYTES, BODY_TOO_LARGE);
  parseJsonBytes(bytes, z.unknown());
  const headers = new Headers(req.headers);
  headers.set("content-type", "application/json");
  headers.delete("content-length");
  // The checked text as it came (less a BOM), not re-serialised: oRPC parses it once more.
  const text = new TextDecoder().decode(bytes);
  return new Request(url, { method: req.method, headers, body: text || "{}" });
}

/**
 * An `/api/...` request that no route file took (app/api/[[...path]]/route.ts), served from the contract;
 * an unknown path is the contract's 404 NOT_FOUND. Throws ApiErrors for handle() to answer.
 */
export async function serveApi(req: Request): Promise<Response> {
  const request = await withJsonBody(req);
  let result: Awaited<ReturnType<typeof handler.handle>>;
  try {
    result = await handler.handle(request, { prefix: "/api", context: { req } });
  } catch (err) {
    throw asApiError(err);
  }
  if (result.matched) return result.response;
  const allow = allowedMethods(new URL(request.url).pathname.replace(/^\/api/, ""));
  if (allow.length === 0) throw notFound("There is no API endpoint at this path.");
  throw new ApiError(405, "METHOD_NOT_ALLOWED", `Use ${allow.join(" or ")} here.`, undefined, undefined, {
    allow: allow.join(", "),
  });
}
