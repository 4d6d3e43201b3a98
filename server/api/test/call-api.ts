import { afterAll, vi } from "vitest";
import { db } from "@/server/db";
import { removeDbFiles } from "@/server/commerce/test/fresh-db";

type TCallOptions = { token?: string; body?: string; headers?: Record<string, string> };

// requireUser() reads the request through next/headers; here, the request the test is sending. doMock (not
// hoisted) is enough because the server modules that read next/headers are imported below, after it.
let current = new Headers();
vi.doMock("next/headers", () => ({
  headers: () => Promise.resolve(current),
  cookies: () => Promise.resolve({ get: () => undefined }),
}));

afterAll(async () => {
  await db.$disconnect();
  removeDbFiles();
});

const { handle } = await import("@/server/http/handle");
const { serveApi } = await import("@/server/api/serve");
const serve = handle((req) => serveApi(req));

/**
 * A test's client of the API as app/api/[[...path]]/route.ts serves it (handle() around serveApi), on the
 * test's fresh database (import "@/server/commerce/test/fresh-db" first). A 304's empty body reads as `{}`.
 */
export async function callApi(method: string, path: string, opts: TCallOptions = {}) {
  current = new Headers({
    ...opts.headers,
    ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
  });
  const req = new Request(`http://onair.test/api${path}`, {
    method,
    headers: current,
    ...(opts.body === undefined ? {} : { body: opts.body }),
  });
  const res = await serve(req as never, undefined);
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    json: (text ? JSON.parse(text) : {}) as Record<string, unknown>,
  };
}
