import { request } from "@/lib/api/request";
import type { TMeResponse } from "@/lib/session/me.types";
import type { TSignInRequest, TSignUpRequest } from "@/lib/session/session-schemas";

/**
 * Our own server's answer, checked by hand: zod in the header would put its JIT probe (`Function("")`,
 * refused by the CSP and reported as a violation) on every page.
 */
function asMe(json: unknown): TMeResponse {
  const body = json as Partial<TMeResponse> | null;
  const user = body?.user;
  const ids = body?.remindedRoomIds;
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === "string")) throw new Error("me: bad reminders");
  if (user !== null && (typeof user?.id !== "string" || typeof user.name !== "string"))
    throw new Error("me: bad user");
  return { user: user ?? null, remindedRoomIds: ids };
}

/** Who is looking (`GET /api/me`): the user or null, and the shows they asked to be reminded of. */
export const getMe = async () => asMe(await request<unknown>("GET", "/api/me"));

/** Signs in; the session cookie comes back with the answer. */
export const signIn = (input: TSignInRequest) => request<unknown>("POST", "/api/session", { body: input });

/** Creates the account and signs it in. */
export const signUp = (input: TSignUpRequest) => request<unknown>("POST", "/api/users", { body: input });

export const signOut = () => request<unknown>("DELETE", "/api/session");
