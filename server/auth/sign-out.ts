import { deleteSession } from "@/server/auth/sessions";
import { disconnectSessionSockets } from "@/server/chat/control-client";

/**
 * Ends the session of this token and, through the chat master, that session's chat sockets on every slave
 * (those opened with the token or with a chat ticket of it): the same path as disabling an account,
 * narrowed to one session, so a signed-out browser keeps no live chat identity. The user's other sessions
 * keep theirs. Returns whether there was a session.
 */
export async function signOut(token: string | null | undefined): Promise<boolean> {
  const ended = token ? await deleteSession(token) : null;
  if (!ended) return false;
  await disconnectSessionSockets(ended.userId, ended.sessionId);
  return true;
}
