import { NextResponse } from "next/server";
import { handle, parseBody } from "@/server/http/handle";
import { clientAddress } from "@/server/auth/client-address";
import { ZSignInRequest } from "@/server/users/schemas";
import { signIn } from "@/server/users/sign-in";
import { signOut } from "@/server/auth/sign-out";
import { requestToken } from "@/server/auth/request";
import { clearSessionCookie, isHttps, setSessionCookie } from "@/server/auth/cookie";
import { currentUser } from "@/server/auth/request";

/** Sign in: `{ email, password }` → `{ token, user }` and the session cookie. */
export const POST = handle(async (req) => {
  const { token, expiresAt, user } = await signIn(await parseBody(req, ZSignInRequest), clientAddress(req));
  const res = NextResponse.json({ token, user });
  setSessionCookie(res, token, expiresAt, isHttps(req));
  return res;
});

/** The signed-in user, or `{ user: null }`. */
export const GET = handle(async () => {
  const user = await currentUser();
  return NextResponse.json({ user: user ? { id: user.id, name: user.name, role: user.role } : null });
});

/** Sign out: ends the session of this token or cookie, and that session's chat sockets. */
export const DELETE = handle(async () => {
  await signOut(await requestToken());
  const res = NextResponse.json({ ok: true });
  clearSessionCookie(res);
  return res;
});
