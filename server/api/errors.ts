import "server-only";
import { ORPCError, ValidationError } from "@orpc/server";
import { ApiError } from "@/server/http/errors";

type TIssue = ValidationError["issues"][number];
type TSegment = NonNullable<TIssue["path"]>[number];

const key = (segment: TSegment) => String(typeof segment === "object" ? segment.key : segment);

/**
 * A bad `{ params, query, headers, body }` input as the contract's 400: `fields` names each bad field
 * without the part it came in (`productId`, not `body.productId`), the first message per field, as
 * server/http/errors.ts's fieldErrors does for the route files.
 */
function invalidInput(issues: readonly TIssue[]): ApiError {
  const fields: Record<string, string> = {};
  let inBody = false;
  for (const issue of issues) {
    const [part, ...rest] = (issue.path ?? []).map(key);
    if (part === "body" || part === undefined) inBody = true;
    fields[rest.join(".") || "_"] ??= issue.message;
  }
  return inBody
    ? new ApiError(400, "INVALID", "Some fields are not valid.", fields)
    : new ApiError(400, "INVALID", "Some parameters are not valid.", fields);
}

/**
 * The one place oRPC's own errors become the contract's: invalid input a 400 INVALID with `fields`, other
 * 4xx (a malformed request) keep their status as INVALID. Domain errors (ApiError) pass unchanged, and so
 * does anything else: server/http/request-rules.ts's errorAnswer logs it as an unexpected 500.
 */
export function asApiError(err: unknown): unknown {
  if (!(err instanceof ORPCError)) return err;
  if (err.code === "BAD_REQUEST" && err.cause instanceof ValidationError)
    return invalidInput(err.cause.issues);
  if (err.status < 500) return new ApiError(err.status, "INVALID", "The request is not valid.");
  return err.cause ?? err;
}
