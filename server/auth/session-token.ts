import type { IncomingMessage } from "node:http";

/** The session cookie's name, for Next.js's cookie API (server/auth/request.ts) and plain Node requests. */
export const SESSION_COOKIE = "onair_session";

/**
 * The bearer token of a plain Node request (the web server's own routes, the ingest WebSocket):
 * `Authorization: Bearer` first, then the session cookie, as server/auth/request.ts reads it in Next.js.
 */
export function sessionTokenOf(req: IncomingMessage): string | null {
  const auth = req.headers.authorization;
  if (auth?.toLowerCase().startsWith("bearer ")) return auth.slice(7).trim() || null;
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === SESSION_COOKIE) {
      try {
        return decodeURIComponent(value.join("=")) || null;
      } catch {
        return null; // a malformed escape is no token
      }
    }
  }
  return null;
}
