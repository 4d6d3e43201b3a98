import { NextResponse } from "next/server";
import { handle } from "@/server/http/handle";
import { requestToken } from "@/server/auth/request";
import { userFromToken } from "@/server/auth/sessions";

export const dynamic = "force-dynamic";

/**
 * The chat panel's handshake ticket: the session cookie is httpOnly, so the page asks its own origin for the
 * token it passes as `auth: { token }` to a chat slave. Guests get `{ token: null, user: null }` and read only.
 */
export const GET = handle(async () => {
  const token = await requestToken();
  const user = await userFromToken(token);
  const body =
    user && token
      ? { token, user: { id: user.id, name: user.name, role: user.role } }
      : { token: null, user: null };
  return NextResponse.json(body, { headers: { "Cache-Control": "no-store" } });
});
