import { NextResponse } from "next/server";
import { handle } from "@/server/http/handle";
import { requestToken } from "@/server/auth/request";
import { sessionIdOf, userFromToken } from "@/server/auth/sessions";
import { issueChatTicket } from "@/server/auth/chat-ticket";
import { env } from "@/server/env";

export const dynamic = "force-dynamic";

/**
 * The chat panel's handshake ticket: the session cookie is httpOnly and stays so. The page gets a
 * short-lived, chat-only ticket (server/auth/chat-ticket.ts) to pass as `auth: { token }` to a chat slave,
 * never the session token. Guests get `{ token: null, user: null }` and read only.
 */
export const GET = handle(async () => {
  const token = await requestToken();
  const user = await userFromToken(token);
  if (!user || !token)
    return NextResponse.json({ token: null, user: null }, { headers: { "Cache-Control": "no-store" } });
  const { ticket, expiresAt } = issueChatTicket(sessionIdOf(token), env().INTERNAL_SECRET);
  return NextResponse.json(
    {
      token: ticket,
      expiresAt: expiresAt.toISOString(),
      user: { id: user.id, name: user.name, role: user.role },
    },
    { headers: { "Cache-Control": "no-store" } },
  );
});
