import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { ApiError, fieldErrors } from "@/server/http/errors";
import { readCappedBody } from "@/server/products/images/read-capped-body";
import {
  assertSameOrigin,
  BODY_TOO_LARGE,
  errorAnswer,
  MAX_BODY_BYTES,
  parseJsonBytes,
} from "@/server/http/request-rules";

type Handler<C> = (req: NextRequest, ctx: C) => Promise<Response>;

/** Wraps a route handler: ApiErrors become contract errors, anything else a logged 500 that never leaks. */
export function handle<C>(fn: Handler<C>): Handler<C> {
  return async (req, ctx) => {
    try {
      assertSameOrigin(req.method, (name) => req.headers.get(name));
      return await fn(req, ctx);
    } catch (err) {
      const answer = errorAnswer(err, { path: new URL(req.url).pathname, method: req.method });
      return Response.json(answer.body, {
        status: answer.status,
        ...(answer.headers ? { headers: answer.headers } : {}),
      });
    }
  };
}

/** Reads a JSON body (at most 64 KB) and validates it; bad input throws a 400 with field errors. */
export async function parseBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  // Read in chunks and stopped at the cap.
  return parseJsonBytes(await readCappedBody(req, MAX_BODY_BYTES, BODY_TOO_LARGE), schema);
}

/** Validates route params or a query; a bad one is a 400 (or 404 when `notFoundOnError`). */
export function parseParams<S extends z.ZodType>(value: unknown, schema: S): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new ApiError(400, "INVALID", "Some parameters are not valid.", fieldErrors(parsed.error));
  return parsed.data;
}
