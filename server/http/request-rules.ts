import type { z } from "zod";
import { ApiError, errorBody, fieldErrors, type TApiError } from "@/server/http/errors";
import { isWellFormedText } from "@/lib/text/normalize";
import { createLogger } from "@/server/log";

/**
 * The rules every JSON API request meets, on plain values: the route wrapper (server/http/handle.ts) and
 * the web server's own routes before Next.js (server/web/checkout.ts) apply the same ones. No "server-only"
 * here: the web server loads this outside Next.js.
 */

/** JSON bodies are capped at 64 KB (the web server's guard caps the bytes as well: server/web/request-guard.ts). */
export const MAX_BODY_BYTES = 64 * 1024;
export const BODY_TOO_LARGE = "The request body is too large.";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const log = createLogger("web:api");

/**
 * Cookie-authenticated mutations must come from our own pages: a cross-site form or fetch carries an Origin
 * that differs from our Host. Bearer-token calls (apps, scripts) are not sent by browsers on their own.
 */
export function assertSameOrigin(method: string, header: (name: string) => string | null): void {
  if (SAFE_METHODS.has(method) || header("authorization")) return;
  const origin = header("origin");
  if (!origin) return;
  const host = header("x-forwarded-host") ?? header("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = "";
  }
  if (!host || originHost !== host) {
    throw new ApiError(403, "CROSS_SITE", "This request came from another site and was refused.");
  }
}

/**
 * What a thrown error answers: an ApiError its own status and body; a client that went away while its body
 * was read (a reset upload) a 400 nobody reads and nobody logs; anything else a 500 that never leaks, logged
 * here with the request it failed (`path`, `method`).
 */
export function errorAnswer(
  err: unknown,
  request: { path: string; method: string },
): { status: number; body: TApiError; headers?: Record<string, string> } {
  if (err instanceof ApiError)
    return {
      status: err.status,
      body: errorBody(err.code, err.message, err.fields, err.more),
      headers: err.headers,
    };
  if (clientAborted(err))
    return { status: 400, body: errorBody("INVALID", "The request was aborted by the client.") };
  log.error({ err, ...request }, "unhandled API error");
  return { status: 500, body: errorBody("INTERNAL", "Something went wrong on our side. Please try again.") };
}

function clientAborted(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  return e?.code === "ECONNRESET" && e.message === "aborted";
}

/** A string anywhere in a parsed body that is not valid Unicode (a lone surrogate from a `\ud800` escape). */
function holdsMalformedText(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return !isWellFormedText(value);
  if (depth > 64 || typeof value !== "object" || value === null) return false;
  if (Array.isArray(value)) return value.some((v) => holdsMalformedText(v, depth + 1));
  return Object.entries(value).some(([k, v]) => !isWellFormedText(k) || holdsMalformedText(v, depth + 1));
}

/** No request of the API nests deeper than a few levels; the walk is a loop so that depth cannot hurt it. */
const MAX_JSON_DEPTH = 32;

/** Whether `value` nests arrays or objects more than `max` levels deep. */
function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [v, depth] = next;
    if (typeof v !== "object" || v === null) continue;
    if (depth >= max) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * A body's bytes as validated JSON: not UTF-8, not JSON, nested deeper than any request of the API (JSON.parse
 * takes 100,000 levels, but JSON.stringify and recursive walks then overflow the stack: a 500), malformed
 * text or bad fields are a 400.
 */
export function parseJsonBytes<S extends z.ZodType>(bytes: Uint8Array, schema: S): z.infer<S> {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError(400, "INVALID", "The request body is not valid UTF-8.");
  }
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    throw new ApiError(400, "INVALID", "The request body is not valid JSON.");
  }
  if (nestedDeeperThan(json, MAX_JSON_DEPTH))
    throw new ApiError(400, "INVALID", "The request body is nested too deeply.");
  // Nothing downstream can store a lone surrogate (Prisma refuses the statement: a 500).
  if (holdsMalformedText(json))
    throw new ApiError(400, "INVALID", "The request body holds text that is not valid Unicode.");
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError(400, "INVALID", "Some fields are not valid.", fieldErrors(parsed.error));
  }
  return parsed.data;
}
