import { env } from "@/server/env";
import { INTERNAL_HEADER } from "@/server/chat/internal-auth";
import { createLogger } from "@/server/log";
import type { TIngestStats } from "@/lib/media/ingest-protocol";

const log = createLogger("media:client");

async function call<T>(
  baseUrl: string,
  method: "GET" | "POST",
  path: string,
  body: unknown,
  timeoutMs: number,
): Promise<T | null> {
  try {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        [INTERNAL_HEADER]: env().INTERNAL_SECRET,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok) {
      log.warn({ baseUrl, path, status: res.status }, "media node refused a call");
      return null;
    }
    return (await res.json()) as T;
  } catch (err) {
    log.warn({ baseUrl, path, err: (err as Error).message }, "media node unreachable");
    return null;
  }
}

/** Stops the show's ingest on its node and writes the VOD. Null when the node cannot be reached. */
export const endOnNode = (baseUrl: string, roomId: string) =>
  // ffmpeg gets 5 s to flush its last segment (transcoder.ts), so allow a little more.
  call<{ hasRecording: boolean }>(
    baseUrl,
    "POST",
    `/internal/shows/${encodeURIComponent(roomId)}/end`,
    {},
    8000,
  );

/** The studio's view of the show's ingest on its node. */
export const ingestOnNode = (baseUrl: string, roomId: string) =>
  call<{ publishing: boolean; stats: TIngestStats | null }>(
    baseUrl,
    "GET",
    `/internal/shows/${encodeURIComponent(roomId)}`,
    undefined,
    1500,
  );

/** Applies the admin's drain switch on the node at once (it also reads it back from its row within 2 s). */
export const drainOnNode = (baseUrl: string, draining: boolean) =>
  call<{ draining: boolean }>(baseUrl, "POST", "/internal/drain", { draining }, 1500);
