import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { roomChanged } from "@/server/rooms/room-cache";
import { createPageCache, PAGE_TTL_MS } from "@/server/web/page-cache";
import { inlineScriptHashes } from "@/server/web/inline-script-hashes";

let server: Server;
let base = "";
let pages: ReturnType<typeof createPageCache>;
let renders = 0;
let perRequest = 0;

/** Stands in for Next.js: a page naming its render count, the cookies it saw and one inline script. */
function fakeNext(req: IncomingMessage, res: ServerResponse): void {
  renders++;
  const path = req.url ?? "";
  const headers: Record<string, string> = { "content-type": "text/html; charset=utf-8", vary: "rsc" };
  if (path === "/live/sets-cookie") headers["set-cookie"] = "a=b";
  const body = `<html><body><p>render ${renders} cookie [${req.headers.cookie ?? ""}] csp [${String(
    req.headers["content-security-policy"] ?? "",
  )}]</p><script>self.n=${renders}</script><script src="/_next/a.js"></script></body></html>`;
  res.writeHead(path === "/live/missing" ? 404 : 200, headers).end(body);
}

beforeAll(async () => {
  server = createServer((req, res) => {
    if (pages.isRender(req)) return fakeNext(req, res);
    const ownRender = () => {
      perRequest++;
      res.writeHead(200, { "content-type": "text/plain" }).end("per request");
    };
    if (pages.serve(req, res, ownRender)) return;
    ownRender();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  pages = createPageCache({ origin: base });
});

afterAll(() => {
  pages.stop();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

const visitor = { cookie: "onair_session=secret-token; NEXT_LOCALE=ko; onair_tz=Asia%2FSeoul" };

describe("the page cache", () => {
  it("renders a page once for many visitors, without their session, with a CSP of its script hashes", async () => {
    const before = renders;
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => fetch(`${base}/live/demo-live`, { headers: visitor })),
    );
    expect(renders - before).toBe(1);
    const bodies = await Promise.all(answers.map((a) => a.text()));
    expect(new Set(bodies).size).toBe(1);
    expect(bodies[0]).toContain("cookie [NEXT_LOCALE=ko; onair_tz=Asia%2FSeoul]");
    expect(bodies[0]).not.toContain("secret-token");
    // Rendered without a nonce; the header trusts exactly the page's inline script by its hash.
    expect(bodies[0]).toContain("csp []");
    const csp = answers[0]!.headers.get("content-security-policy") ?? "";
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? "";
    expect(scriptSrc).toBe(`'self' ${inlineScriptHashes(bodies[0]!).join(" ")}`);
    expect(scriptSrc).not.toMatch(/nonce|unsafe/);
    expect(answers[0]!.headers.get("cache-control")).toMatch(/s-maxage=1\b/);
    expect(answers[0]!.headers.get("vary")).toBe("rsc, Accept-Encoding");
  });

  it("keys by language and time zone, not by anything else the visitor sends", async () => {
    const ko = await (await fetch(`${base}/`, { headers: visitor })).text();
    const en = await (await fetch(`${base}/`, { headers: { "accept-language": "en-US" } })).text();
    const enAgain = await (
      await fetch(`${base}/`, { headers: { "accept-language": "en", cookie: "onair_session=other" } })
    ).text();
    expect(ko).toContain("NEXT_LOCALE=ko");
    expect(en).toContain("NEXT_LOCALE=en");
    expect(enAgain).toBe(en);
  });

  it("answers a reload that holds the page with 304, and gzip to who asks", async () => {
    const first = await fetch(`${base}/live/etag-show`);
    const etag = first.headers.get("etag") ?? "";
    const text = await first.text();
    expect((await fetch(`${base}/live/etag-show`, { headers: { "if-none-match": etag } })).status).toBe(304);
    const zipped = await new Promise<Buffer>((resolve) => {
      void import("node:http").then(({ get }) =>
        get(`${base}/live/etag-show`, { headers: { "accept-encoding": "gzip" } }, (res) => {
          expect(res.headers["content-encoding"]).toBe("gzip");
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c)).on("end", () => resolve(Buffer.concat(chunks)));
        }),
      );
    });
    expect(gunzipSync(zipped).toString()).toBe(text);
  });

  it("never serves a page older than PAGE_TTL_MS, and re-renders at once after a room change", async () => {
    const first = await (await fetch(`${base}/live/fresh`)).text();
    roomChanged("any-room");
    // The change starts a new render; the answer that started it may still be the old page (< 1 s old).
    await fetch(`${base}/live/fresh`);
    await expect
      .poll(async () => (await fetch(`${base}/live/fresh`)).text(), { timeout: 500 })
      .not.toBe(first);
    const second = await (await fetch(`${base}/live/fresh`)).text();
    await new Promise((r) => setTimeout(r, PAGE_TTL_MS + 50));
    expect(await (await fetch(`${base}/live/fresh`)).text()).not.toBe(second);
  });

  it("caches a missing show's 404 too, and never an answer that sets a cookie", async () => {
    expect((await fetch(`${base}/live/missing`)).status).toBe(404);
    const before = renders;
    expect((await fetch(`${base}/live/missing`)).status).toBe(404);
    expect(renders).toBe(before);
    const setsCookie = await fetch(`${base}/live/sets-cookie`);
    expect(await setsCookie.text()).toBe("per request");
  });

  it("leaves client navigations, prefetches, query strings, bots, other pages and methods alone", async () => {
    const before = perRequest;
    await fetch(`${base}/live/demo-live`, { headers: { rsc: "1" } });
    await fetch(`${base}/live/demo-live`, { headers: { "next-router-prefetch": "1" } });
    await fetch(`${base}/live/demo-live?_rsc=abc`);
    await fetch(`${base}/live/demo-live`, { headers: { "user-agent": "Googlebot/2.1" } });
    await fetch(`${base}/studio`);
    await fetch(`${base}/live/Demo_Live`);
    await fetch(`${base}/live/demo-live`, { method: "POST" });
    expect(perRequest - before).toBe(7);
  });

  it("refuses a forged render header: the visitor gets the cached page, not a render with their cookies", async () => {
    const res = await fetch(`${base}/live/demo-live`, {
      headers: { "x-onair-page-render": "guess", cookie: "onair_session=secret-token" },
    });
    expect(await res.text()).not.toContain("secret-token");
  });
});
