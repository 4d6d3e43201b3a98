import { z } from "zod";
import { detailedOutput, route, withHeaders } from "@/lib/api/contract-kit";

/** `GET /api/chat/ticket`: the chat panel's handshake ticket (the session cookie stays httpOnly). */
export const chatTicketContract = {
  get: route
    .get(
      "/chat/ticket",
      "A short-lived, chat-only ticket to pass as `auth: { token }` to a chat slave, never the session token: `{ token, expiresAt, user }`; a guest gets `{ token: null, user: null }` and reads only.",
      detailedOutput,
    )
    .output(
      withHeaders(
        z.union([
          z.object({
            token: z.string(),
            expiresAt: z.string(),
            user: z.object({ id: z.string(), name: z.string(), role: z.string() }),
          }),
          z.object({ token: z.null(), user: z.null() }),
        ]),
      ),
    ),
};
