import type { ExtendedError } from "socket.io";
import { userFromToken } from "@/server/auth/sessions";
import type { TClientSocket, TSlaveContext } from "@/server/chat/slave/context";

/**
 * Handshake auth, once per connection: `auth: { token }` becomes `socket.data.user`; no token is a guest
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
    if (typeof token !== "string") return next(new Error("UNAUTHENTICATED"));
    userFromToken(token).then(
      (user) => {
        if (!user) return next(new Error("UNAUTHENTICATED"));
        socket.data.user = { id: user.id, name: user.name, role: user.role };
        next();
      },
      (err: unknown) => {
        ctx.log.error({ err }, "token lookup failed");
        next(new Error("INTERNAL"));
      },
    );
  };
}
