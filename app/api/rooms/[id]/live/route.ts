import { NextResponse } from "next/server";
import { requireRoomStaff } from "@/server/auth/request";
import { handle } from "@/server/http/handle";
import { mediaConfig } from "@/server/media/config";
import { endShow } from "@/server/media/end-show";
import { mediaNodeForRoom } from "@/server/media/nodes/assign-media-node";
import { ingestOnNode } from "@/server/media/nodes/node-client";
import { db } from "@/server/db";
import { type TIdCtx, idParam } from "@/app/api/_lib/route-params";

async function staffRoomId(ctx: TIdCtx): Promise<string> {
  const id = await idParam(ctx);
  // Accept the slug too, like GET /api/rooms/:id.
  const room = await db.room.findFirst({ where: { OR: [{ id }, { slug: id }] }, select: { id: true } });
  const { room: checked } = await requireRoomStaff(room?.id ?? id);
  return checked.id;
}

/** The show's ingest as the studio sees it (seller or ADMIN), asked of the media node that holds it. */
export const GET = handle(async (_req, ctx: TIdCtx) => {
  const roomId = await staffRoomId(ctx);
  const room = await db.room.findUniqueOrThrow({
    where: { id: roomId },
    select: { status: true, startedAt: true, mediaNodeId: true },
  });
  const node = room.mediaNodeId ? await mediaNodeForRoom(roomId) : null;
  const ingest = node ? await ingestOnNode(node.url, roomId) : null;
  return NextResponse.json({
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
  });
});

/** Ends the show (seller or ADMIN): the recording becomes the replay. */
export const DELETE = handle(async (_req, ctx: TIdCtx) => {
  const roomId = await staffRoomId(ctx);
  return NextResponse.json(await endShow(roomId));
});
