import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CHAT_TICKET_SECONDS, issueChatTicket, verifyChatTicket } from "@/server/auth/chat-ticket";

const sid = createHash("sha256").update("a session token").digest("hex");
const secret = "slave-and-web-share-this-secret";

describe("chat tickets: short-lived, chat-only, unforgeable", () => {
  it("names its session while fresh, and nothing once expired", () => {
    const now = Date.now();
    const { ticket, expiresAt } = issueChatTicket(sid, secret, now);
    expect(ticket).not.toContain(sid.slice(0, 0) + "a session token");
    expect(verifyChatTicket(ticket, secret, now + 1000)).toBe(sid);
    expect(expiresAt.getTime() - now).toBe(CHAT_TICKET_SECONDS * 1000);
    expect(verifyChatTicket(ticket, secret, now + CHAT_TICKET_SECONDS * 1000 + 1)).toBeNull();
  });

  it("refuses a ticket signed with another secret, or edited", () => {
    const { ticket } = issueChatTicket(sid, secret);
    expect(verifyChatTicket(ticket, "another-secret-entirely")).toBeNull();
    const [prefix, payload, mac] = ticket.split(".");
    const longer = Buffer.from(JSON.stringify({ sid, exp: Date.now() + 86_400_000 })).toString("base64url");
    expect(verifyChatTicket(`${prefix}.${longer}.${mac}`, secret)).toBeNull();
    expect(verifyChatTicket(`${prefix}.${payload}.`, secret)).toBeNull();
    expect(verifyChatTicket("ct1.", secret)).toBeNull();
    expect(verifyChatTicket(`ct1.${"x".repeat(1000)}`, secret)).toBeNull();
  });
});
