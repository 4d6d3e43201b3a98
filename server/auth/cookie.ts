import "server-only";
import { NextResponse } from "next/server";
import { SESSION_COOKIE } from "@/server/auth/session-token";

/** The Set-Cookie value NextResponse's own serializer writes for `set` (what the route files sent). */
function setCookieHeader(set: (res: NextResponse) => void): string {
  const res = new NextResponse(null);
  set(res);
  return res.headers.get("set-cookie") ?? "";
}

/**
 * The session cookie as a Set-Cookie value: httpOnly, SameSite=Lax (cross-site POSTs carry no session),
 * Secure behind HTTPS, expiring with the session.
 */
export function sessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  return setCookieHeader((res) =>
    res.cookies.set(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: "lax",
      secure,
      path: "/",
      expires: expiresAt,
    }),
  );
}

/** The Set-Cookie value that clears the session cookie (sign-out). */
export function clearedSessionCookie(): string {
  return setCookieHeader((res) =>
    res.cookies.set(SESSION_COOKIE, "", { httpOnly: true, sameSite: "lax", path: "/", maxAge: 0 }),
  );
}

/** True when the request reached us over HTTPS (directly or through a proxy that says so). */
export function isHttps(req: Request): boolean {
  return new URL(req.url).protocol === "https:" || req.headers.get("x-forwarded-proto") === "https";
}
