import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * The Content-Security-Policy of every web-tier answer, with a fresh script nonce per request. Next.js
 * reads the nonce from the request's own `content-security-policy` header (parse-request-headers in
 * Next 16) and puts it on each of its inline bootstrap scripts, so no inline script runs without it.
 * 'strict-dynamic' lets those trusted scripts load the page's chunks; an injected <script> has no nonce
 * and never runs. The two cached pages (`/`, `/live/<slug>`) use script hashes instead (see below).
 *
 * Styles keep 'unsafe-inline': React style attributes and Tailwind need it, and a style cannot run code.
 * connect-src: chat slaves live on other origins known only at run time and are reached over WebSocket,
 * so any ws:/wss: plus local http for dev tools; CSP_CONNECT_SRC adds more (e.g. "https://chat.example.com").
 * hls.js plays from blob: media and may start a blob: worker.
 */
export function contentSecurityPolicy(
  opts: ({ nonce: string } | { hashes: string[] }) & { dev: boolean; connectSrc?: string },
): string {
  // A cached page (server/web/page-cache.ts) cannot carry a per-answer nonce: its header lists the hash of
  // each inline script it holds instead, and its chunks load from 'self' ('strict-dynamic' would ignore
  // 'self' and refuse them: parser-inserted <script src> tags carry no nonce or integrity to trust).
  const trusted = "nonce" in opts ? `'nonce-${opts.nonce}' 'strict-dynamic'` : opts.hashes.join(" ");
  return [
    "default-src 'self'",
    `script-src 'self' ${trusted}${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    `connect-src 'self' ws: wss: http://127.0.0.1:* http://localhost:*${opts.connectSrc ? ` ${opts.connectSrc}` : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Sets the policy on the answer and hands the same nonce to Next.js through the request's headers. */
export function applyContentSecurityPolicy(
  req: IncomingMessage,
  res: ServerResponse,
  opts: { dev: boolean; connectSrc?: string },
): void {
  // 128 random bits, as CSP3 asks of a nonce; base64 is what the nonce-source grammar takes.
  const policy = contentSecurityPolicy({ nonce: randomBytes(16).toString("base64"), ...opts });
  req.headers["content-security-policy"] = policy;
  delete req.headers["content-security-policy-report-only"];
  res.setHeader("Content-Security-Policy", policy);
}
