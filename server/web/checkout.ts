import type { IncomingMessage, ServerResponse } from "node:http";
import { userFromToken } from "@/server/auth/sessions";
import { sessionTokenOf } from "@/server/auth/session-token";
import { checkOutBody, ZJsonObject } from "@/server/commerce/check-out-request";
import { ApiError, errorBody, unauthorized } from "@/server/http/errors";
import {
  assertSameOrigin,
  BODY_TOO_LARGE,
  errorAnswer,
  MAX_BODY_BYTES,
  parseJsonBytes,
} from "@/server/http/request-rules";
import SECURITY_HEADERS from "@/server/web/security-headers.json";

/**
 * `POST /api/checkout`, answered by the web server itself: in a flash sale thousands arrive in the same
 * second, and Next.js's request handling (Web streams, routing, its response path) was about a third of
 * the web process's CPU per checkout (docs/PERFORMANCE.md). The rules are the route wrapper's own
 * (server/http/request-rules.ts): same origin for cookie calls, a 64 KB JSON body, Unicode-clean text,
 * the contract's error body; the work is `checkOutBody`, as before.
 */
export function serveCheckout(req: IncomingMessage, res: ServerResponse): boolean {
  if ((req.url ?? "").split("?")[0] !== "/api/checkout") return false;
  if (req.method === "POST") void answer(req, res);
  else send(res, 405, errorBody("METHOD_NOT_ALLOWED", "Use POST to check out."), { allow: "POST" });
  return true;
}

async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    assertSameOrigin("POST", (name) => headerOf(req, name));
    // Read while the session is looked up; a refusal (413) before it is awaited is not an unhandled one.
    const bodyRead = readBody(req);
    bodyRead.catch(() => undefined);
    const user = await userFromToken(sessionTokenOf(req));
    if (!user) throw unauthorized();
    const body = parseJsonBytes(await bodyRead, ZJsonObject);
    const { order, created } = await checkOutBody(user.id, body);
    send(res, created ? 201 : 200, { order });
  } catch (err) {
    const { status, body, headers } = errorAnswer(err, { path: "/api/checkout", method: "POST" });
    send(res, status, body, headers);
  }
}

function headerOf(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

/**
 * The body, refused (413) past 64 KB. The request guard (server/web/request-guard.ts) has already
 * answered 413 for a body over its cap and then holds back the end: `close` before `end` settles it.
 */
function readBody(req: IncomingMessage): Promise<Buffer> {
  if (Number(req.headers["content-length"] ?? 0) > MAX_BODY_BYTES)
    return Promise.reject(new ApiError(413, "TOO_LARGE", BODY_TOO_LARGE));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    req.on("data", (chunk: Buffer) => {
      total += chunk.length;
      if (total > MAX_BODY_BYTES) {
        reject(new ApiError(413, "TOO_LARGE", BODY_TOO_LARGE));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
    req.on("close", () => reject(Object.assign(new Error("aborted"), { code: "ECONNRESET" })));
  });
}

function send(res: ServerResponse, status: number, body: unknown, headers?: Record<string, string>): void {
  if (res.headersSent || res.destroyed) return;
  const json = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    ...headers,
    "content-type": "application/json",
    "cache-control": "no-store",
    "content-length": Buffer.byteLength(json),
  });
  res.end(json);
}
