import type { ExtendedError } from "socket.io";
import { sessionIdOf, userFromSessionId } from "@/server/auth/sessions";
import { CHAT_TICKET_PREFIX, verifyChatTicket } from "@/server/auth/chat-ticket";
import type { TClientSocket, TSlaveContext } from "@/server/chat/slave/context";

/**
 * Handshake auth, once per connection: `auth: { token }` (a chat ticket or a session token) becomes
 * `socket.data.user` and `socket.data.sessionId` (signing out ends that session's sockets); no token is a guest
 * (may read); a token that is not (or no longer) valid is refused so the client knows to sign in again.
 */
export function authMiddleware(ctx: TSlaveContext) {
  return (socket: TClientSocket, next: (err?: ExtendedError) => void): void => {
    if (ctx.draining) return next(new Error("DRAINING"));
    const auth: unknown = socket.handshake.auth;
    const token = typeof auth === "object" && auth !== null ? (auth as { token?: unknown }).token : undefined;
    if (token === undefined || token === null || token === "") {
      socket.data.user = null;
      return next();
    }
    if (typeof token !== "string" || token.length > 400) return next(new Error("UNAUTHENTICATED"));
    // A chat ticket (what the web page holds) or a session token (apps, bots, tests).
    const sessionId = token.startsWith(CHAT_TICKET_PREFIX)
      ? verifyChatTicket(token, ctx.secret)
      : token.length <= 200
        ? sessionIdOf(token)
        : null;
    if (!sessionId) return next(new Error("UNAUTHENTICATED"));
    userFromSessionId(sessionId).then(
      (user) => {
        if (!user) return next(new Error("UNAUTHENTICATED"));
        socket.data.user = { id: user.id, name: user.name, role: user.role };
        socket.data.sessionId = sessionId;
        next();
      },
      (err: unknown) => {
        ctx.log.error({ err }, "token lookup failed");
        next(new Error("INTERNAL"));
      },
    );
  };
}
