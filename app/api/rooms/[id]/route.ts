import { handle } from "@/server/http/handle";
import { notFound } from "@/server/http/errors";
import { cachedJsonResponse } from "@/server/http/cached-response";
import { cachedRoom } from "@/server/rooms/cached-rooms";
import { type TIdCtx, idParam } from "@/app/api/_lib/route-params";

export const dynamic = "force-dynamic";

/** One show by id (or slug) with `products` and `chat` settings, from memory, with an ETag. */
export const GET = handle(async (req, ctx: TIdCtx) => {
  const id = await idParam(ctx);
  const room = await cachedRoom(id);
  if (!room) throw notFound("This show does not exist.");
  return cachedJsonResponse(req, room);
});
