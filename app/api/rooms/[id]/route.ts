import { z } from "zod";
import { handle, parseParams } from "@/server/http/handle";
import { notFound } from "@/server/http/errors";
import { cachedJsonResponse } from "@/server/http/cached-response";
import { cachedRoom } from "@/server/rooms/cached-rooms";

export const dynamic = "force-dynamic";
const ZParams = z.object({ id: z.string().min(1).max(100) });

/** One show by id (or slug) with `products` and `chat` settings, from memory, with an ETag. */
export const GET = handle(async (req, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = parseParams(await ctx.params, ZParams);
  const room = await cachedRoom(id);
  if (!room) throw notFound("This show does not exist.");
  return cachedJsonResponse(req, room);
});
