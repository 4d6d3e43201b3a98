import type { TCommerceNotifier } from "@/server/commerce/notify";
import { db } from "@/server/db";
import { broadcastProductUpdate, refreshRoom } from "@/server/chat/control-client";
import { postNotice } from "@/server/chat/moderation/post-notice";

/**
 * Commerce's live updates through the chat master: `product:update` relayed to every slave holding the
 * room, a pin re-read by the master and pushed as `room:state`, purchase announcements stored and
 * delivered as `system` messages (they cross chat groups, separation or not).
 */
export const chatTierNotifier: TCommerceNotifier = {
  productUpdate: ({ roomId, ...update }) => broadcastProductUpdate(roomId, update),
  // The pin is already in the database: the master re-reads the room, so every field stays consistent.
  roomState: (roomId) => refreshRoom(roomId),
  systemMessage: async (roomId, text) => {
    const room = await db.room.findUnique({ where: { id: roomId }, select: { sellerId: true } });
    // Written in the seller's name: the message belongs to the show, and the chat shows it as a system line.
    if (room) await postNotice({ id: room.sellerId }, roomId, text, "system");
  },
};
