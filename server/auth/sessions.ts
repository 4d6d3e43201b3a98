import { createHash, randomBytes } from "node:crypto";
import type { Role } from "@prisma/client";
import { readSession } from "@/server/auth/session-read";
import { db } from "@/server/db";
import { envPart, ZSessionEnv } from "@/server/env";

export type TSessionUser = { id: string; name: string; email: string; role: Role };

const { SESSION_DAYS } = envPart(ZSessionEnv);
/** Sliding expiry is refreshed at most this often, so reads stay reads. */
const REFRESH_AFTER_MS = 24 * 60 * 60 * 1000;

/** Sessions are stored by the SHA-256 of the token, so a leaked database does not leak live tokens. */
export function sessionIdOf(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates a session and returns its bearer token (32 random bytes, base64url). */
export async function createSession(userId: string): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 60 * 60 * 1000);
  await db.session.create({ data: { id: sessionIdOf(token), userId, expiresAt } });
  return { token, expiresAt };
}

/** The user a token belongs to, or null when it is unknown, expired, or the account is disabled. */
export async function userFromToken(token: string | undefined | null): Promise<TSessionUser | null> {
  if (!token || token.length > 200) return null;
  return userFromSessionId(sessionIdOf(token));
}

/** As userFromToken, by the session's id (a chat ticket names its session by id). */
export async function userFromSessionId(sessionId: string): Promise<TSessionUser | null> {
  const session = await readSession(sessionId);
  if (!session || session.disabled) return null;
  const now = Date.now();
  // Written as "not after now" so that an unreadable expiry (NaN) counts as expired, never as forever.
  if (!(session.expiresMs > now)) {
    await db.session.deleteMany({ where: { id: sessionId } }).catch(() => undefined);
    return null;
  }
  if (now - session.lastSeenMs > REFRESH_AFTER_MS) {
    await db.session.updateMany({
      where: { id: sessionId },
      data: { lastSeenAt: new Date(now), expiresAt: new Date(now + SESSION_DAYS * 24 * 60 * 60 * 1000) },
    });
  }
  const { userId: id, name, email, role } = session;
  return { id, name, email, role };
}

/** Ends the session of this token; returns whose it was (null when there was none). */
export async function deleteSession(token: string): Promise<{ userId: string; sessionId: string } | null> {
  const sessionId = sessionIdOf(token);
  const row = await db.session.findUnique({ where: { id: sessionId }, select: { userId: true } });
  await db.session.deleteMany({ where: { id: sessionId } });
  return row ? { userId: row.userId, sessionId } : null;
}
