import { toAuctionUpdate, type TAuctionView } from "@/lib/auctions/auction-schemas";
import { broadcastRoomEvent } from "@/server/chat/control-client";
import { createLogger } from "@/server/log";

const log = createLogger("auctions");

/**
 * Tells every viewer of the room on every slave (through the master, like product:update, separated or not).
 * Never throws: the database is the record, and viewers re-read the auctions after every (re)join.
 */
export function notifyAuction(view: TAuctionView): void {
  broadcastRoomEvent(view.roomId, { event: "auction:update", data: toAuctionUpdate(view) }).catch(
    (err: unknown) => log.warn({ err, auctionId: view.id }, "auction broadcast failed"),
  );
}
