import type { IncomingMessage } from "node:http";
import { sessionTokenOf } from "@/server/auth/session-token";

/** The publisher's session token: `?token=`, `Authorization: Bearer`, or the session cookie (the studio). */
export function ingestTokenOf(req: IncomingMessage, url: URL): string | null {
  return url.searchParams.get("token") || sessionTokenOf(req);
}
