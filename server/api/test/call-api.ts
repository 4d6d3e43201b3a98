import { handle } from "@/server/http/handle";
import { serveApi } from "@/server/api/serve";

type TCallOptions = { token?: string; body?: string; headers?: Record<string, string> };

/**
 * A test's client of the API as app/api/[[...path]]/route.ts serves it (handle() around serveApi). The test
 * mocks next/headers (requireUser() reads the request through it) and gets each call's headers through
 * `setHeaders`. A 304's empty body reads as `{}`.
 */
export function apiCaller(setHeaders: (headers: Headers) => void) {
  const serve = handle((req) => serveApi(req));
  return async (method: string, path: string, opts: TCallOptions = {}) => {
    const headers = new Headers({
      ...opts.headers,
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
    });
    setHeaders(headers);
    const req = new Request(`http://onair.test/api${path}`, {
      method,
      headers,
      ...(opts.body === undefined ? {} : { body: opts.body }),
    });
    const res = await serve(req as never, undefined);
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      json: (text ? JSON.parse(text) : {}) as Record<string, unknown>,
    };
  };
}
