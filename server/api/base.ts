import "server-only";
import type { Role } from "@prisma/client";
import { implement } from "@orpc/server";
import { apiContract } from "@/lib/api/contract";
import { requireUser } from "@/server/auth/request";

/** What every procedure gets: the request as the client sent it (its URL and headers; the body is read). */
export type TApiContext = { req: Request };

/**
 * The contract, to implement feature by feature (server/api/<feature>.ts). Input is validated after the
 * procedure's middlewares (`initialInputValidationIndex: Infinity`): as the route files did, a caller
 * without the right role gets 401/403 before the body is judged.
 */
export const api = implement(apiContract, { initialInputValidationIndex: Infinity }).$context<TApiContext>();

/** Signed in (with one of `roles`, when given): `context.user`; else 401, or 403 for another role. */
export const signedIn = (...roles: Role[]) =>
  api.middleware(async ({ next }) => next({ context: { user: await requireUser(...roles) } }));

/** Private reads: never stored by a browser or a shared cache. */
export const NO_STORE = { "cache-control": "no-store" };
