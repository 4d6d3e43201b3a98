const BASE = "http://onair.invalid";
/** C0/C1 controls, DEL, and the bidi/zero-width formatting characters a browser drops or a reader misreads. */
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

/**
 * Where /login and /signup send people back to: a path on this site, never another host. Browsers strip
 * tabs and newlines from URLs and read `\` as `/`, so `/\t/evil.example` and `/\\evil.example` become
 * `//evil.example`: anything holding controls or backslashes (raw or percent-encoded) is refused, and what
 * is left must resolve to our own origin. Returns the normalized path (path, query, hash) or null.
 */
export function safeNextPath(value: unknown): string | null {
  if (typeof value !== "string" || value.length === 0 || value.length > 500) return null;
  if (!value.startsWith("/") || UNSAFE_CHARS.test(value) || value.includes("\\")) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return null;
  }
  if (UNSAFE_CHARS.test(decoded) || decoded.includes("\\") || decoded.startsWith("//")) return null;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE || value.startsWith("//")) return null;
  // Dot segments resolve away: `/.//evil.example` is `//evil.example`, which a browser reads as another
  // host. The path handed back must itself be a same-site path.
  if (url.pathname.startsWith("//")) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}
