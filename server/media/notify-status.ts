import { refreshRoom } from "@/server/chat/control-client";
import { createLogger } from "@/server/log";

const log = createLogger("media");

export type TRoomStatusChange = { roomId: string; status: "LIVE" | "ENDED"; hlsUrl: string | null; at: Date };

/**
 * The one place a show's LIVE/ENDED change leaves the media tier: the chat master re-reads the room and
 * pushes `room:state`, with the playlist, to every client on every slave; no page needs to read the room.
 * A master that is down delays the change, it does not lose it: its slaves read room configs from the
 * database meanwhile and push the status themselves.
 */
export function notifyRoomStatus(change: TRoomStatusChange): void {
  log.info({ roomId: change.roomId, status: change.status, hlsUrl: change.hlsUrl }, "show status changed");
  refreshRoom(change.roomId)
    .then((pushed) => {
      if (!pushed)
        log.warn(
          { roomId: change.roomId },
          "chat master unreachable; slaves push the change from the database",
        );
    })
    .catch((err: unknown) => log.error({ err, roomId: change.roomId }, "status broadcast failed"));
}
