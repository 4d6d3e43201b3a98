import "server-only";
import { headers } from "next/headers";

/**
 * The nonce of this answer's Content-Security-Policy (server/web/content-security-policy.ts puts the policy
 * on the request for Next.js), for the rare inline script a page writes itself. Undefined outside the
 * custom server (no policy, so no nonce is needed).
 */
export async function scriptNonce(): Promise<string | undefined> {
  const policy = (await headers()).get("content-security-policy") ?? "";
  return /'nonce-([^']+)'/.exec(policy)?.[1];
}
