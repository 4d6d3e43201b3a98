import "server-only";
import { ZIdParams } from "@/lib/api/contract-kit";
import { api } from "@/server/api/base";
import { requireRoomStaff } from "@/server/auth/request";
import { parseParams } from "@/server/http/handle";
import { mediaConfig } from "@/server/media/config";
import { endShow } from "@/server/media/end-show";
import { mediaNodeForRoom } from "@/server/media/nodes/assign-media-node";
import { ingestOnNode } from "@/server/media/nodes/node-client";
import { db } from "@/server/db";

/** The show's staff by its id or slug (like GET /api/rooms/:id): `context.roomId`. The id is checked first. */
const staffRoom = api.middleware(async ({ next }, input: { params: unknown }) => {
  const { id } = parseParams(input.params, ZIdParams);
  const room = await db.room.findFirst({ where: { OR: [{ id }, { slug: id }] }, select: { id: true } });
  const { room: checked } = await requireRoomStaff(room?.id ?? id);
  return next({ context: { roomId: checked.id } });
});

/** lib/media/live.contract.ts, served. */
export const live = {
  get: api.live.get.use(staffRoom).handler(async ({ context: { roomId } }) => {
    const room = await db.room.findUniqueOrThrow({
      where: { id: roomId },
      select: { status: true, startedAt: true, mediaNodeId: true },
    });
    const node = room.mediaNodeId ? await mediaNodeForRoom(roomId) : null;
    const ingest = node ? await ingestOnNode(node.url, roomId) : null;
    return {
      roomId,
      status: room.status,
      startedAt: room.startedAt?.toISOString() ?? null,
      // Relative to the web tier, which forwards it to the show's media node (assigned on connect).
      ingestPath: `/ingest/${roomId}`,
      ingestUrl: `/ingest/${roomId}`,
      mediaNodeId: room.mediaNodeId,
      publishing: ingest?.publishing ?? false,
      stats: ingest?.stats ?? null,
      testSourceAvailable: mediaConfig().testSource,
    };
  }),
  end: api.live.end.use(staffRoom).handler(async ({ context }) => endShow(context.roomId)),
};
