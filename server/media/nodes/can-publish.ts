import type { IncomingMessage } from "node:http";
import { userFromToken } from "@/server/auth/sessions";
import { ingestTokenOf } from "@/server/media/ingest-token";

/** The room's seller or an ADMIN, by the same token the ingest accepts (cookie, `?token=`, Bearer). */
export async function canPublish(req: IncomingMessage, room: { sellerId: string }): Promise<boolean> {
  const user = await userFromToken(ingestTokenOf(req, new URL(req.url ?? "/", "http://localhost")));
  return user !== null && (user.role === "ADMIN" || user.id === room.sellerId);
}
