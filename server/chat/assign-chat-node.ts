import { z } from "zod";
import { ApiError, notFound } from "@/server/http/errors";
import { ChatUnavailableError, listNodes } from "@/server/chat/control-client";
import { pickChatNode } from "@/server/chat/pick-chat-node";
import { cachedRoom } from "@/server/rooms/cached-rooms";
import { ZNodeId } from "@/lib/admin/admin-schemas";

const ZExclude = z
  .string()
  .max(1000)
  .transform((s) => s.split(",").filter(Boolean))
  .pipe(z.array(ZNodeId).max(32));

const unavailable = () =>
  new ApiError(503, "CHAT_UNAVAILABLE", "Chat is unavailable right now. Please try again in a moment.");

/**
 * GET /api/rooms/:id/chat-node: the slave a client of this room should connect to. `:id` may be the
 * room's id or slug; `exclude` lists nodes the client already found dead.
 */
export async function assignChatNode(
  idOrSlug: string,
  excludeParam: string | null,
): Promise<{ nodeId: string; url: string }> {
  const exclude = ZExclude.safeParse(excludeParam ?? "");
  if (!exclude.success)
    throw new ApiError(400, "INVALID", "`exclude` is a comma-separated list of node ids.", {
      exclude: "invalid",
    });
  // The room's existence from memory (the same entry GET /api/rooms/:id answers from): no query per arrival.
  const room = await cachedRoom(idOrSlug);
  if (!room) throw notFound("This show does not exist.");
  try {
    return await pickChatNode(room.value.id, exclude.data);
  } catch (err) {
    if (err instanceof ChatUnavailableError) throw unavailable();
    throw err;
  }
}

/** GET /api/chat/nodes: the live slaves `[{ nodeId, url, connections }]`. */
export async function listChatNodes(): Promise<{ nodeId: string; url: string; connections: number }[]> {
  try {
    return (await listNodes()).map(({ nodeId, url, connections }) => ({ nodeId, url, connections }));
  } catch (err) {
    if (err instanceof ChatUnavailableError) throw unavailable();
    throw err;
  }
}
