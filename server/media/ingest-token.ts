import type { IncomingMessage } from "node:http";

const SESSION_COOKIE = "onair_session";

/** The publisher's session token: `?token=`, `Authorization: Bearer`, or the session cookie (the studio). */
export function ingestTokenOf(req: IncomingMessage, url: URL): string | null {
  const fromQuery = url.searchParams.get("token");
  if (fromQuery) return fromQuery;
  const auth = req.headers.authorization;
  if (auth?.toLowerCase().startsWith("bearer ")) return auth.slice(7).trim();
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === SESSION_COOKIE) {
      try {
        return decodeURIComponent(value.join("="));
      } catch {
        return null; // a malformed escape is no token
      }
    }
  }
  return null;
}
