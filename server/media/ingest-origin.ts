import type { IncomingMessage } from "node:http";

/**
 * The ingest WebSocket's Origin rule, the REST API's CROSS_SITE rule (server/http/handle.ts) for sockets:
 * a browser always sends Origin on a WebSocket, and a page on another host (even a same-site one, which
 * SameSite=Lax cookies reach) must not publish with the seller's cookie. Allowed: the request's own host
 * (`x-forwarded-host` when a proxy or the web tier forwarded it), PUBLIC_URL and MEDIA_ALLOWED_ORIGINS.
 * No Origin at all is a non-browser client (an app, the demo source): its token decides.
 */
export function originAllowed(req: IncomingMessage, allowedOrigins: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const forwarded = req.headers["x-forwarded-host"];
  const host =
    (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim() ?? req.headers.host;
  if (host && originHost === host) return true;
  return allowedOrigins.some((allowed) => {
    try {
      return new URL(allowed).origin === new URL(origin).origin;
    } catch {
      return false;
    }
  });
}
