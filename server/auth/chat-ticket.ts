import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The chat panel's handshake ticket (GET /api/chat/ticket). Page JavaScript used to receive the 30-day
 * session token itself, so one script injection could steal a session. A ticket is good for one thing (a
 * chat slave's handshake) for a short time, and names the session it came from, so signing out or
 * disabling the account ends it too. Signed with INTERNAL_SECRET, which every slave holds.
 */
export const CHAT_TICKET_PREFIX = "ct1.";
/** Long enough to fetch it and open a socket; a reconnect fetches a new one (ChatClient's getToken). */
export const CHAT_TICKET_SECONDS = 120;

type TTicketClaims = { sid: string; exp: number };

function sign(payload: string, secret: string): string {
  return createHmac("sha256", secret).update(`chat-ticket:${payload}`).digest("base64url");
}

/** A ticket for the session whose id (the SHA-256 of its token) is `sessionId`. */
export function issueChatTicket(
  sessionId: string,
  secret: string,
  now = Date.now(),
): { ticket: string; expiresAt: Date } {
  const exp = now + CHAT_TICKET_SECONDS * 1000;
  const payload = Buffer.from(JSON.stringify({ sid: sessionId, exp } satisfies TTicketClaims)).toString(
    "base64url",
  );
  return { ticket: `${CHAT_TICKET_PREFIX}${payload}.${sign(payload, secret)}`, expiresAt: new Date(exp) };
}

/** The session id a ticket names, or null when it is forged, malformed or expired. */
export function verifyChatTicket(ticket: string, secret: string, now = Date.now()): string | null {
  if (!ticket.startsWith(CHAT_TICKET_PREFIX) || ticket.length > 400) return null;
  const [payload = "", mac = ""] = ticket.slice(CHAT_TICKET_PREFIX.length).split(".");
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const c = claims as Partial<TTicketClaims>;
  if (typeof c.sid !== "string" || !/^[0-9a-f]{64}$/.test(c.sid) || typeof c.exp !== "number" || c.exp <= now)
    return null;
  return c.sid;
}
