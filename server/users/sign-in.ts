import { db } from "@/server/db";
import { hashPassword, needsRehash, verifyPassword } from "@/server/auth/password";
import { createSession } from "@/server/auth/sessions";
import { ApiError } from "@/server/http/errors";
import type { TSignInRequest } from "@/lib/session/session-schemas";
import {
  assertSignInAllowed,
  recordSignInFailure,
  recordSignInSuccess,
} from "@/server/security/auth-throttle";

// Compared against when the email is unknown, so both paths take the same time.
const DUMMY_HASH = hashPassword("onair-timing-equaliser");

/**
 * Checks credentials and opens a session. Unknown email, wrong password and disabled accounts look alike,
 * and each counts as a failure against the account and the address (429 RATE_LIMITED past the limits).
 */
export async function signIn({ email: given, password }: TSignInRequest, address: string) {
  const email = given.toLowerCase();
  await assertSignInAllowed(email, address);
  const user = await db.user.findUnique({ where: { email } });
  const ok = await verifyPassword(password, user?.passwordHash ?? (await DUMMY_HASH));
  if (!user || !ok || user.disabledAt) {
    await recordSignInFailure(email, address);
    throw new ApiError(401, "INVALID_CREDENTIALS", "That email and password don't match an account.");
  }
  await recordSignInSuccess(email);
  if (needsRehash(user.passwordHash)) {
    await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) } });
  }
  const session = await createSession(user.id);
  return { ...session, user: { id: user.id, name: user.name, role: user.role, email: user.email } };
}
