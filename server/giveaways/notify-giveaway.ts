import { toGiveawayUpdate, type TGiveawayView } from "@/lib/giveaways/giveaway-schemas";
import { broadcastRoomEvent } from "@/server/chat/control-client";
import { createLogger } from "@/server/log";

const log = createLogger("giveaways");

/**
 * Tells every viewer of the room on every slave (through the master, separated or not). Never throws: the
 * database is the record, and viewers re-read the giveaways after every (re)join.
 */
export function notifyGiveaway(view: TGiveawayView): void {
  broadcastRoomEvent(view.roomId, { event: "giveaway:update", data: toGiveawayUpdate(view) }).catch(
    (err: unknown) => log.warn({ err, giveawayId: view.id }, "giveaway broadcast failed"),
  );
}
