import "server-only";
import { CLIENT_ADDRESS_HEADER } from "@/server/web/request-guard";

/** The address the web server saw this request come from (server/web/request-guard.ts sets it). */
export function clientAddress(req: Request): string {
  return req.headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown";
}
