import type { TCached } from "@/server/rooms/room-cache";

/**
 * Shared caches (a CDN, nginx) may keep public room JSON for 1 s and serve it stale for 5 s more while
 * they refetch; browsers always revalidate (max-age=0) and get a 304 while the ETag still matches.
 */
export const PUBLIC_JSON_CACHE = "public, max-age=0, s-maxage=1, stale-while-revalidate=5";

/** True when the request's If-None-Match names this ETag (weak comparison, RFC 9110 §13.1.2). */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => bare(tag) === bare(etag));
}

/** A cached JSON body as a response: 304 without a body when the client already holds these bytes. */
export function cachedJsonResponse(req: Request, entry: TCached, cacheControl = PUBLIC_JSON_CACHE): Response {
  const headers = { etag: entry.etag, "cache-control": cacheControl };
  if (etagMatches(req.headers.get("if-none-match"), entry.etag))
    return new Response(null, { status: 304, headers });
  return new Response(entry.body, {
    status: 200,
    headers: { ...headers, "content-type": "application/json" },
  });
}
