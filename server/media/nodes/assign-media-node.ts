import { db } from "@/server/db";
import { createLogger } from "@/server/log";
import { listMediaNodes, pickMediaNode, type TMediaNode } from "@/server/media/nodes/media-nodes";

const log = createLogger("media:assign");

export type TNodeTarget = { nodeId: string; url: string };

/**
 * The node that holds this show's ingest, assigning one when the show has none or its node is dead
 * (called when the seller goes live). The choice is stored on the room with a compare-and-set, so two web
 * processes racing for one show agree on one node. Null when no node can take a show.
 */
export async function ensureMediaNode(roomId: string): Promise<TNodeTarget | null> {
  const [room, nodes] = await Promise.all([
    db.room.findUnique({ where: { id: roomId }, select: { mediaNodeId: true } }),
    listMediaNodes(),
  ]);
  if (!room) return null;
  const current = nodes.find((n) => n.id === room.mediaNodeId);
  // A draining node keeps the shows it has (its publisher may reconnect); only a dead one loses them.
  if (current && current.state !== "dead") return target(current);
  const chosen = pickMediaNode(nodes);
  if (!chosen) return current ? target(current) : null;
  const { count } = await db.room.updateMany({
    where: { id: roomId, mediaNodeId: room.mediaNodeId },
    data: { mediaNodeId: chosen.id },
  });
  if (count === 0) return mediaNodeForRoom(roomId); // another web process assigned it first: take its choice
  log.info(
    { roomId, nodeId: chosen.id, previous: room.mediaNodeId, liveShows: chosen.liveShows },
    "show assigned to a media node",
  );
  return target(chosen);
}

/**
 * Where this show's media is, without changing anything: its assigned node (even one that seems dead:
 * it may be restarting, and nobody else has its files), or for a show recorded before media nodes existed,
 * any live node (they share the media directory on one host).
 */
export async function mediaNodeForRoom(roomId: string): Promise<TNodeTarget | null> {
  const [room, nodes] = await Promise.all([
    db.room.findUnique({ where: { id: roomId }, select: { mediaNodeId: true } }),
    listMediaNodes(),
  ]);
  const assigned = nodes.find((n) => n.id === room?.mediaNodeId);
  if (assigned) return target(assigned);
  const anyLive = nodes.filter((n) => n.state !== "dead").sort((a, b) => a.liveShows - b.liveShows)[0];
  return anyLive ? target(anyLive) : null;
}

function target(node: TMediaNode): TNodeTarget {
  return { nodeId: node.id, url: node.url };
}
