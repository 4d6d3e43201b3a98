import { z } from "zod";
import { detailedOutput, route } from "@/lib/api/contract-kit";
import { ZSignInRequest, ZSignUpRequest } from "@/lib/session/session-schemas";

const ZHeaders = z.record(z.string(), z.string());
const ZUser = z.looseObject({ id: z.string(), name: z.string(), role: z.string() });
const ZSignedIn = z.object({ headers: ZHeaders, body: z.object({ token: z.string(), user: ZUser }) });

/** Signing in, up and out (the `onair_session` cookie with the token), and the admin's list of users. */
export const sessionContract = {
  signIn: route
    .post(
      "/session",
      "Sign in → `{ token, user }` and the session cookie; 401 INVALID_CREDENTIALS; 429 RATE_LIMITED with Retry-After.",
      detailedOutput,
    )
    .input(z.object({ body: ZSignInRequest }))
    .output(ZSignedIn),
  current: route
    .get("/session", "The signed-in user, or `{ user: null }`.")
    .output(z.object({ user: ZUser.nullable() })),
  signOut: route
    .delete(
      "/session",
      "Sign out: ends the session of this token or cookie, and that session's chat sockets.",
      detailedOutput,
    )
    .output(z.object({ headers: ZHeaders, body: z.object({ ok: z.literal(true) }) })),
  signUp: route
    .post(
      "/users",
      "Sign up a SHOPPER (or SELLER) → `{ token, user }` and the session cookie; 409 EMAIL_TAKEN; 429 RATE_LIMITED.",
      { successStatus: 201, outputStructure: "detailed" },
    )
    .input(z.object({ body: ZSignUpRequest }))
    .output(ZSignedIn),
  users: route
    .get("/users", "ADMIN: the users, newest first, optionally filtered by `?q=` (name or email).")
    .input(
      z.object({
        query: z.looseObject({ q: z.unknown().optional().describe("At most 100 characters are read.") }),
      }),
    )
    .output(z.array(ZUser.extend({ email: z.string() }))),
};
