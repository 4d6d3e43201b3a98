import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { createLogger } from "@/server/log";
import { ApiError, apiError, fieldErrors } from "@/server/http/errors";
import { readCappedBody } from "@/server/products/images/read-capped-body";
import { isWellFormedText } from "@/lib/text/normalize";

const log = createLogger("web:api");
const MAX_BODY_BYTES = 64 * 1024;

type Handler<C> = (req: NextRequest, ctx: C) => Promise<Response>;

/** Wraps a route handler: ApiErrors become contract errors, anything else a logged 500 that never leaks. */
export function handle<C>(fn: Handler<C>): Handler<C> {
  return async (req, ctx) => {
    try {
      assertSameOrigin(req);
      return await fn(req, ctx);
    } catch (err) {
      if (err instanceof ApiError)
        return apiError(err.status, err.code, err.message, err.fields, err.more, err.headers);
      // The client went away while its body was being read (a reset upload): nobody reads this answer, and it
      // is not our failure to log as one.
      if (clientAborted(err)) return apiError(400, "INVALID", "The request was aborted by the client.");
      log.error({ err, path: req.nextUrl.pathname, method: req.method }, "unhandled API error");
      return apiError(500, "INTERNAL", "Something went wrong on our side. Please try again.");
    }
  };
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

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cookie-authenticated mutations must come from our own pages: a cross-site form or fetch carries an Origin
 * that differs from our Host. Bearer-token calls (apps, scripts) are not sent by browsers on their own.
 */
function assertSameOrigin(req: NextRequest): void {
  if (SAFE_METHODS.has(req.method) || req.headers.get("authorization")) return;
  const origin = req.headers.get("origin");
  if (!origin) return;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
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

/** Reads a JSON body (at most 64 KB) and validates it; bad input throws a 400 with field errors. */
export async function parseBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  // Read in chunks and stopped at the cap (the web server's guard caps the bytes as well, server/web/request-guard.ts).
  const bytes = await readCappedBody(req, MAX_BODY_BYTES, "The request body is too large.");
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
  // Nothing downstream can store a lone surrogate (Prisma refuses the statement: a 500).
  if (holdsMalformedText(json))
    throw new ApiError(400, "INVALID", "The request body holds text that is not valid Unicode.");
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError(400, "INVALID", "Some fields are not valid.", fieldErrors(parsed.error));
  }
  return parsed.data;
}

/** Validates route params or a query; a bad one is a 400 (or 404 when `notFoundOnError`). */
export function parseParams<S extends z.ZodType>(value: unknown, schema: S): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new ApiError(400, "INVALID", "Some parameters are not valid.", fieldErrors(parsed.error));
  return parsed.data;
}
