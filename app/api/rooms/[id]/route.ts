import { NextResponse } from "next/server";
import { z } from "zod";
import { handle, parseParams } from "@/server/http/handle";
import { notFound } from "@/server/http/errors";
import { getPublicRoom } from "@/server/rooms/public-room";

const ZParams = z.object({ id: z.string().min(1).max(100) });

/** One show by id (or slug) with `products` and `chat` settings. */
export const GET = handle(async (_req, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = parseParams(await ctx.params, ZParams);
  const room = await getPublicRoom(id);
  if (!room) throw notFound("This show does not exist.");
  return NextResponse.json(room);
});
