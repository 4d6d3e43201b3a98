import { db } from "@/server/db";
import { hlsUrlOf } from "@/server/rooms/hls-url";
import { notifyRoomStatus } from "@/server/media/notify-status";
import { notifyShowLiveInBackground } from "@/server/notifications/notify-show-live";

/**
 * The show is on air: LIVE with its start time (first frame) and HLS directory, and the viewers who asked
 * to be reminded get their notification (in the background: go-live never waits for it). Idempotent; a
 * repeat (a media node restart) retries reminders a failed first run left behind.
 */
export async function markLive(roomId: string, startedAt: Date): Promise<void> {
  const room = await db.room.findUnique({ where: { id: roomId }, select: { status: true, startedAt: true } });
  if (!room || room.status === "ENDED") return;
  if (room.status === "LIVE" && room.startedAt) {
    notifyShowLiveInBackground(roomId);
    return;
  }
  const updated = await db.room.update({
    where: { id: roomId },
    data: { status: "LIVE", startedAt: room.startedAt ?? startedAt, hlsPath: roomId },
  });
  notifyRoomStatus({ roomId, status: "LIVE", hlsUrl: hlsUrlOf(updated), at: startedAt });
  notifyShowLiveInBackground(roomId);
}

/** The show is over: ENDED with its end time; the recording stays as the replay. */
export async function markEnded(
  roomId: string,
  hasRecording: boolean,
): Promise<{ endedAt: Date; hlsUrl: string | null }> {
  const endedAt = new Date();
  const updated = await db.room.update({
    where: { id: roomId },
    data: { status: "ENDED", endedAt, ...(hasRecording ? { hlsPath: roomId } : {}) },
  });
  const hlsUrl = hlsUrlOf(updated);
  notifyRoomStatus({ roomId, status: "ENDED", hlsUrl, at: endedAt });
  return { endedAt, hlsUrl };
}
