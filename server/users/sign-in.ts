import { db } from "@/server/db";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { createSession } from "@/server/auth/sessions";
import { ApiError } from "@/server/http/errors";
import type { TSignInRequest } from "@/server/users/schemas";

// Compared against when the email is unknown, so both paths take the same time.
const DUMMY_HASH = hashPassword("onair-timing-equaliser");

/** Checks credentials and opens a session. Unknown email, wrong password and disabled accounts look alike. */
export async function signIn({ email, password }: TSignInRequest) {
  const user = await db.user.findUnique({ where: { email: email.toLowerCase() } });
  const ok = await verifyPassword(password, user?.passwordHash ?? (await DUMMY_HASH));
  if (!user || !ok || user.disabledAt) {
    throw new ApiError(401, "INVALID_CREDENTIALS", "That email and password don't match an account.");
  }
  const session = await createSession(user.id);
  return { ...session, user: { id: user.id, name: user.name, role: user.role, email: user.email } };
}
