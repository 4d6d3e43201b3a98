import { isUniqueViolation } from "@/server/db-errors";
import { db } from "@/server/db";
import { hashPassword } from "@/server/auth/password";
import { createSession } from "@/server/auth/sessions";
import { ApiError } from "@/server/http/errors";
import type { TSignUpRequest } from "@/lib/session/session-schemas";
import { takeSignUp } from "@/server/security/auth-throttle";

const emailTaken = () =>
  new ApiError(409, "EMAIL_TAKEN", "An account with this email already exists.", {
    email: "An account with this email already exists.",
  });

/** Creates a SHOPPER (or SELLER when asked) and signs them in. ADMIN can never be chosen here. */
export async function signUp(input: TSignUpRequest, address: string) {
  await takeSignUp(address);
  const email = input.email.toLowerCase();
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) throw emailTaken();
  try {
    const user = await db.user.create({
      data: {
        email,
        name: input.name,
        role: input.role ?? "SHOPPER",
        passwordHash: await hashPassword(input.password),
      },
    });
    const session = await createSession(user.id);
    return { ...session, user: { id: user.id, name: user.name, role: user.role, email: user.email } };
  } catch (err) {
    // Two sign-ups racing for one email: the unique index decides.
    if (isUniqueViolation(err)) throw emailTaken();
    throw err;
  }
}
