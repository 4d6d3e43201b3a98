import type { z } from "zod";

/** The contract's error body: `{ error: { code, message, fields? } }`. */
export type TApiError = {
  error: { code: string; message: string; fields?: Record<string, string>; [more: string]: unknown };
};

/** The contract's error body; `more` adds fields to the error object (a checkout's `productIds`). */
export function errorBody(
  code: string,
  message: string,
  fields?: Record<string, string>,
  more?: Record<string, unknown>,
): TApiError {
  return { error: { ...more, code, message, ...(fields ? { fields } : {}) } };
}

/** A thrown ApiError becomes its JSON response in `handle()`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    readonly more?: Record<string, unknown>,
    /** Extra response headers (`Retry-After` on a 429). */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const unauthorized = () => new ApiError(401, "UNAUTHENTICATED", "Sign in to do this.");
export const forbidden = () => new ApiError(403, "FORBIDDEN", "You do not have permission to do this.");
export const notFound = (what = "Not found") => new ApiError(404, "NOT_FOUND", what);

/** zod issues as `{ field: message }`, the first message per field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    fields[key] ??= issue.message;
  }
  return fields;
}
