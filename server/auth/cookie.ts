import "server-only";
import type { NextResponse } from "next/server";
import { SESSION_COOKIE } from "@/server/auth/session-token";

/** The session cookie: httpOnly, SameSite=Lax (cross-site POSTs carry no session), Secure behind HTTPS. */
export function setSessionCookie(res: NextResponse, token: string, expiresAt: Date, secure: boolean): void {
  res.cookies.set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    expires: expiresAt,
  });
}

export function clearSessionCookie(res: NextResponse): void {
  res.cookies.set(SESSION_COOKIE, "", { httpOnly: true, sameSite: "lax", path: "/", maxAge: 0 });
}

/** True when the request reached us over HTTPS (directly or through a proxy that says so). */
export function isHttps(req: Request): boolean {
  return new URL(req.url).protocol === "https:" || req.headers.get("x-forwarded-proto") === "https";
}
