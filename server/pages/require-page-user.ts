import "server-only";
import { forbidden, redirect } from "next/navigation";
import type { Role } from "@prisma/client";
import { currentUser } from "@/server/auth/request";
import type { TSessionUser } from "@/server/auth/sessions";

/**
 * Page guard. Signed out → redirect to /login?next=<path>. Signed in with the wrong role → the 403 page:
 * via `forbidden()` (a real 403 status) when `experimental.authInterrupts` is on, else it returns null and
 * the page renders <AccessDenied />.
 */
export async function requirePageUser(path: string, roles: Role[] = []): Promise<TSessionUser | null> {
  const user = await currentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(path)}`);
  if (roles.length > 0 && !roles.includes(user.role)) return deny();
  return user;
}

/** The 403 for a signed-in user: see requirePageUser. */
export function deny(): null {
  if (process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS) forbidden();
  return null;
}
