import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { LOCALE_COOKIE, TIME_ZONE_COOKIE, isLocale, isTimeZone, negotiateLocale } from "@/lib/i18n/config";
import { etagMatches } from "@/server/http/cached-response";
import { onRoomChanged } from "@/server/rooms/room-cache";
import { contentSecurityPolicy } from "@/server/web/content-security-policy";
import { holdLiveChunks } from "@/server/web/hold-live-chunks";
import { inlineScriptHashes } from "@/server/web/inline-script-hashes";
import { createLogger } from "@/server/log";

const log = createLogger("web:page-cache");

/** No page older than this is ever served: "a page for an ended show says so within 1 s". */
export const PAGE_TTL_MS = 1000;
/** Past half its life an entry is re-rendered in the background while it is still served. */
const REFRESH_AFTER_MS = PAGE_TTL_MS / 2;
const MAX_ENTRIES = 1000;
/** What a CDN may do with the page: keep it 1 s, and serve it 2 s more while it refetches. */
export const PAGE_CACHE_CONTROL = "public, max-age=0, s-maxage=1, stale-while-revalidate=2";
export const RENDER_HEADER = "x-onair-page-render";

const PAGE_PATH = /^\/(?:live\/[a-z0-9][a-z0-9-]{0,79})?$/;
const BOT = /bot|crawl|spider|slurp|facebookexternalhit|embedly|preview|lighthouse/i;
/** Headers of Next.js's answer not kept: per connection, per answer, or replaced by ours. */
const DROPPED = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "content-encoding",
  "date",
  "etag",
  "cache-control",
  "content-security-policy",
  "set-cookie",
]);

type TEntry = {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  gzip: Buffer;
  etag: string;
  csp: string;
  storedAt: number;
  /** A room changed since it was rendered: still served (it is < PAGE_TTL_MS old) while a new one renders. */
  stale: boolean;
};

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/**
 * The rendered HTML of the pages every arrival opens, `/` and `/live/<slug>`, per web process: rendered
 * once per locale and time zone for a guest, at most once per ~0.5 s, however many ask (issue 16: 32
 * pages/s rendered per request on the loaded 2-core machine, 10,000 arrivals in 30 s need 333/s).
 *
 * The HTML never depends on who asks: it is rendered by a loopback request without the visitor's cookies
 * (only the language and time-zone cookies, which are the cache key), and the account menu, cart,
 * reminders and staff tools fill in on the client from `GET /api/me`. Its CSP lists the hash of each
 * inline script it holds, so it is the same for everyone and a CDN may keep page and header together.
 *
 * Freshness: an entry lives at most PAGE_TTL_MS in each process, with or without news, which is what
 * bounds two web processes behind a proxy; a room change heard in this process (locally or through the
 * master's stream, server/rooms/room-events-link.ts) re-renders at once. Client-side navigations (RSC
 * requests), query strings, bots and any answer that sets a cookie or is not 200/404 bypass it.
 */
export function createPageCache(opts: {
  /** Where this process's own server listens, for the loopback render. */
  origin: string;
  connectSrc?: string;
}) {
  const tokenText = randomBytes(16).toString("base64url");
  const entries = new Map<string, TEntry>();
  const inflight = new Map<string, Promise<TEntry | null>>();
  let changes = 0;
  const stopListening = onRoomChanged(() => {
    changes++;
    for (const entry of entries.values()) entry.stale = true;
  });

  function keyOf(req: IncomingMessage): { key: string; path: string; cookie: string } | null {
    if (req.method !== "GET" && req.method !== "HEAD") return null;
    const path = req.url ?? "";
    if (!PAGE_PATH.test(path)) return null;
    const h = req.headers;
    if (h.rsc || h["next-router-prefetch"] || h["next-action"] || h["next-router-state-tree"]) return null;
    if (BOT.test(h["user-agent"] ?? "")) return null;
    const fromCookie = cookieValue(h.cookie, LOCALE_COOKIE);
    const locale = isLocale(fromCookie) ? fromCookie : negotiateLocale(h["accept-language"]);
    const zone = cookieValue(h.cookie, TIME_ZONE_COOKIE);
    const tz = isTimeZone(zone) ? zone : "";
    const cookie = [
      `${LOCALE_COOKIE}=${locale}`,
      ...(tz ? [`${TIME_ZONE_COOKIE}=${encodeURIComponent(tz)}`] : []),
    ];
    return { key: `${path}|${locale}|${tz}`, path, cookie: cookie.join("; ") };
  }

  async function render(path: string, cookie: string): Promise<TEntry | null> {
    // Its age counts from before the render read anything, and a change during the render makes it stale.
    const startedAt = Date.now();
    const changesBefore = changes;
    const res = await fetch(new URL(path, opts.origin), {
      headers: {
        accept: "text/html",
        "accept-encoding": "identity",
        cookie,
        "user-agent": "onair-page-cache",
        [RENDER_HEADER]: tokenText,
      },
      redirect: "manual",
      signal: AbortSignal.timeout(30_000),
    });
    const rendered = Buffer.from(await res.arrayBuffer());
    if ((res.status !== 200 && res.status !== 404) || res.headers.has("set-cookie")) return null;
    const body = res.status === 200 ? Buffer.from(holdLiveChunks(rendered.toString("utf8"))) : rendered;
    const headers: Record<string, string> = {};
    res.headers.forEach((value, name) => {
      if (!DROPPED.has(name)) headers[name] = value;
    });
    // The stored page answers gzip or identity by Accept-Encoding (Next.js's own Vary may name it already).
    if (!/accept-encoding/i.test(headers.vary ?? ""))
      headers.vary = headers.vary ? `${headers.vary}, Accept-Encoding` : "Accept-Encoding";
    return {
      status: res.status,
      headers,
      body,
      gzip: gzipSync(body),
      etag: `W/"${createHash("sha1").update(body).digest("base64url").slice(0, 22)}"`,
      csp: contentSecurityPolicy({
        hashes: inlineScriptHashes(body.toString("utf8")),
        dev: false,
        connectSrc: opts.connectSrc,
      }),
      storedAt: startedAt,
      stale: changes !== changesBefore,
    };
  }

  function refresh(key: string, path: string, cookie: string): Promise<TEntry | null> {
    const running = inflight.get(key);
    if (running) return running;
    const promise = render(path, cookie)
      .then((entry) => {
        if (entry) {
          if (entries.size >= MAX_ENTRIES) entries.clear();
          entries.set(key, entry);
        } else entries.delete(key);
        return entry;
      })
      .catch((err: unknown) => {
        log.warn({ err: (err as Error).message, path }, "page render for the cache failed");
        return null;
      })
      .finally(() => inflight.delete(key));
    inflight.set(key, promise);
    return promise;
  }

  function send(req: IncomingMessage, res: ServerResponse, entry: TEntry): void {
    const headers: Record<string, string | number> = {
      ...entry.headers,
      etag: entry.etag,
      "cache-control": PAGE_CACHE_CONTROL,
      "content-security-policy": entry.csp,
    };
    if (entry.status === 200 && etagMatches(req.headers["if-none-match"] ?? null, entry.etag)) {
      res.writeHead(304, headers).end();
      return;
    }
    const gzip = /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
    const body = gzip ? entry.gzip : entry.body;
    if (gzip) headers["content-encoding"] = "gzip";
    headers["content-length"] = body.length;
    res.writeHead(entry.status, headers).end(req.method === "HEAD" ? undefined : body);
  }

  return {
    /** True for this process's own loopback render: it must reach Next.js without a nonce. */
    isRender(req: IncomingMessage): boolean {
      const sent = req.headers[RENDER_HEADER];
      if (typeof sent !== "string") return false;
      delete req.headers[RENDER_HEADER];
      const given = Buffer.from(sent);
      return given.length === Buffer.from(tokenText).length && timingSafeEqual(given, Buffer.from(tokenText));
    },

    /**
     * Answers a cacheable page from memory (rendering it first when needed) and returns true, or returns
     * false for every other request. `fallback` renders this one request as usual when the cache cannot.
     */
    serve(req: IncomingMessage, res: ServerResponse, fallback: () => void): boolean {
      const k = keyOf(req);
      if (!k) return false;
      const now = Date.now();
      const entry = entries.get(k.key);
      if (entry && now - entry.storedAt < PAGE_TTL_MS) {
        if (entry.stale || now - entry.storedAt > REFRESH_AFTER_MS) void refresh(k.key, k.path, k.cookie);
        send(req, res, entry);
        return true;
      }
      void refresh(k.key, k.path, k.cookie).then((fresh) => (fresh ? send(req, res, fresh) : fallback()));
      return true;
    },

    stop(): void {
      stopListening();
      entries.clear();
    },
  };
}
