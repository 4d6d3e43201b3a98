import "server-only";
import { api, NO_STORE } from "@/server/api/base";
import { requestToken } from "@/server/auth/request";
import { sessionIdOf, userFromToken } from "@/server/auth/sessions";
import { issueChatTicket } from "@/server/auth/chat-ticket";
import { env } from "@/server/env";

/** lib/chat/ticket.contract.ts, served: the ticket is bound to the caller's session (server/auth/chat-ticket.ts). */
export const chatTicket = {
  get: api.chatTicket.get.handler(async () => {
    const token = await requestToken();
    const user = await userFromToken(token);
    if (!user || !token) return { headers: NO_STORE, body: { token: null, user: null } };
    const { ticket, expiresAt } = issueChatTicket(sessionIdOf(token), env().INTERNAL_SECRET);
    return {
      headers: NO_STORE,
      body: {
        token: ticket,
        expiresAt: expiresAt.toISOString(),
        user: { id: user.id, name: user.name, role: user.role },
      },
    };
  }),
};
