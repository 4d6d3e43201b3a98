import { NextResponse } from "next/server";
import { handle, parseBody } from "@/server/http/handle";
import { clientAddress } from "@/server/auth/client-address";
import { ZSignUpRequest } from "@/server/users/schemas";
import { signUp } from "@/server/users/sign-up";
import { isHttps, setSessionCookie } from "@/server/auth/cookie";
import { requireUser } from "@/server/auth/request";
import { listUsers } from "@/server/users/list-users";

/** Sign up: `{ email, password, name, role? }` → 201 `{ token, user }` and the session cookie. */
export const POST = handle(async (req) => {
  const { token, expiresAt, user } = await signUp(await parseBody(req, ZSignUpRequest), clientAddress(req));
  const res = NextResponse.json({ token, user }, { status: 201 });
  setSessionCookie(res, token, expiresAt, isHttps(req));
  return res;
});

/** ADMIN: the users, newest first, optionally filtered by `?q=` (name or email). */
export const GET = handle(async (req) => {
  await requireUser("ADMIN");
  const q = (req.nextUrl.searchParams.get("q") ?? "").slice(0, 100);
  return NextResponse.json(await listUsers(q));
});
