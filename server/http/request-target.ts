/**
 * The URL of a request's target, or null when it is not one. Node's HTTP parser accepts absolute-form
 * targets that `new URL` refuses (`GET http://[::1/x`, `GET http://a:99999/`): parsed bare in a
 * `request` or `upgrade` listener, they threw and took the whole process down (the chat master, a media
 * node) with one unauthenticated request.
 */
export function requestTarget(raw: string | undefined, base: string): URL | null {
  try {
    return new URL(raw ?? "/", base);
  } catch {
    return null;
  }
}
