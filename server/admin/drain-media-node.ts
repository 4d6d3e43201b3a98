import "server-only";
import { db } from "@/server/db";
import { notFound } from "@/server/http/errors";
import { writeAdminAudit } from "@/server/admin/audit";
import { drainOnNode } from "@/server/media/nodes/node-client";

/**
 * POST /api/admin/media-nodes/:nodeId/drain: no new show is assigned to the node (the switch lives in its
 * MediaNode row, which every web process reads), while the shows it holds go on until they end; the node
 * also refuses new shows itself. `draining: false` lets it take shows again. Audited as media.drain /
 * media.resume, in the same transaction as the switch.
 */
export async function drainMediaNode(
  actor: { id: string },
  nodeId: string,
  draining: boolean,
): Promise<{ nodeId: string; draining: boolean; applied: boolean }> {
  const node = await db.$transaction(async (tx) => {
    const { count } = await tx.mediaNode.updateMany({ where: { id: nodeId }, data: { draining } });
    if (count === 0) return null;
    await writeAdminAudit(tx, {
      actorId: actor.id,
      action: draining ? "media.drain" : "media.resume",
      details: { nodeId },
    });
    return tx.mediaNode.findUniqueOrThrow({ where: { id: nodeId }, select: { url: true } });
  });
  if (!node) throw notFound("This media node is not known.");
  // Also told directly, so it refuses new shows at once rather than at its next heartbeat (2 s).
  const applied = (await drainOnNode(node.url, draining)) !== null;
  return { nodeId, draining, applied };
}
