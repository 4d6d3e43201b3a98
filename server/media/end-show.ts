import "server-only";
import { db } from "@/server/db";
import { ApiError } from "@/server/http/errors";
import { createLogger } from "@/server/log";
import { mediaNodeForRoom } from "@/server/media/nodes/assign-media-node";
import { endOnNode, ingestOnNode } from "@/server/media/nodes/node-client";
import { markEnded } from "@/server/media/room-status";

const log = createLogger("media");

/**
 * Ends a show (web tier): its media node stops the ingest and finalizes the recording as a VOD replay, then
 * the room is ENDED with `endedAt`. A node that cannot be reached does not block the end: the show is
 * ENDED anyway and the node writes the VOD when it is back (create-media-node.ts).
 */
export async function endShow(
  roomId: string,
): Promise<{ status: "ENDED"; endedAt: string; hlsUrl: string | null }> {
  const room = await db.room.findUnique({ where: { id: roomId }, select: { status: true, hlsPath: true } });
  if (!room) throw new ApiError(404, "NOT_FOUND", "This show does not exist.");
  if (room.status === "ENDED") throw new ApiError(409, "ALREADY_ENDED", "This show has already ended.");
  const node = await mediaNodeForRoom(roomId);
  // A SCHEDULED show can be ended while its publisher is connecting (before the first segment).
  const publishing =
    room.status !== "LIVE" && node ? (await ingestOnNode(node.url, roomId))?.publishing : true;
  if (room.status !== "LIVE" && !publishing) throw new ApiError(409, "NOT_LIVE", "This show is not live.");

  const finished = node ? await endOnNode(node.url, roomId) : null;
  if (!finished)
    log.warn(
      { roomId, nodeId: node?.nodeId },
      "media node unreachable at the end of the show: it finalizes the replay when back",
    );
  const hasRecording = finished?.hasRecording ?? room.hlsPath !== null;
  const { endedAt, hlsUrl } = await markEnded(roomId, hasRecording);
  log.info({ roomId, hasRecording, nodeId: node?.nodeId }, "show ended");
  return { status: "ENDED", endedAt: endedAt.toISOString(), hlsUrl };
}
