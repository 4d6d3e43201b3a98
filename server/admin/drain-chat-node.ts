import "server-only";
import { db } from "@/server/db";
import { ApiError, notFound } from "@/server/http/errors";
import { ChatUnavailableError, drainNode } from "@/server/chat/control-client";
import { writeAdminAudit } from "@/server/admin/audit";

/**
 * POST /api/admin/nodes/:nodeId/drain: the master stops assigning the slave at once and the slave moves its
 * clients to the others (they reconnect and backfill from the DB, so nothing is lost). `draining: false`
 * lets it take clients again. Audited as node.drain / node.resume.
 */
export async function drainChatNode(
  actor: { id: string },
  nodeId: string,
  draining: boolean,
): Promise<{ nodeId: string; draining: boolean }> {
  let result: { nodeId: string; draining: boolean } | null;
  try {
    result = await drainNode(nodeId, draining);
  } catch (err) {
    if (err instanceof ChatUnavailableError)
      throw new ApiError(503, "CHAT_UNAVAILABLE", "The chat master is unreachable: try again in a moment.");
    throw err;
  }
  if (!result) throw notFound("This chat node is not connected.");
  await writeAdminAudit(db, {
    actorId: actor.id,
    action: draining ? "node.drain" : "node.resume",
    details: { nodeId },
  });
  return result;
}
