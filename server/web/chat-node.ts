import type { IncomingMessage, ServerResponse } from "node:http";
import { freshEntry, roomKey } from "@/server/rooms/room-cache";
import { pickChatNode } from "@/server/chat/pick-chat-node";
import SECURITY_HEADERS from "@/server/web/security-headers.json";

const CHAT_NODE_PATH = /^\/api\/rooms\/([^/?#]{1,100})\/chat-node$/;

/**
 * An arrival's `GET /api/rooms/:id/chat-node` (no `exclude`) before Next.js, when the room is fresh in the
 * room cache: the same pick (server/chat/pick-chat-node.ts) without the route handler's ~3 ms of CPU,
 * which was the largest share of the web tier's ~4.5 ms per arrival in the storm (bench:arrival). A retry
 * with `?exclude=`, an unknown or stale room and a failed pick go to the route handler (`fallback`), which
 * validates and answers errors as before. This process's copy of the picker counts its own picks, as the
 * route handler's copy does (each refreshes the node list every 500 ms).
 */
export function serveChatNode(req: IncomingMessage, res: ServerResponse, fallback: () => void): boolean {
  if (req.method !== "GET") return false;
  const match = CHAT_NODE_PATH.exec(req.url ?? "");
  if (!match?.[1]) return false;
  let idOrSlug: string;
  try {
    idOrSlug = decodeURIComponent(match[1]);
  } catch {
    return false;
  }
  const room = freshEntry(roomKey(idOrSlug))?.value as { id?: unknown } | undefined;
  if (typeof room?.id !== "string") return false;
  pickChatNode(room.id, []).then(
    (node) => {
      const body = JSON.stringify(node);
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        "content-type": "application/json",
        "cache-control": "no-store",
        "content-length": Buffer.byteLength(body),
      });
      res.end(body);
    },
    () => fallback(),
  );
  return true;
}
