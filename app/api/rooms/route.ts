import { handle } from "@/server/http/handle";
import { cachedJsonResponse } from "@/server/http/cached-response";
import { cachedRoomList } from "@/server/rooms/cached-rooms";

export const dynamic = "force-dynamic";

/** Every show: `[{ id, slug, title, status, sellerId, hlsUrl, ... }]`, from memory, with an ETag. */
export const GET = handle(async (req) => cachedJsonResponse(req, await cachedRoomList()));
