import { db } from "@/server/db";
import { hlsUrlOf } from "@/server/rooms/public-room";
import { notifyRoomStatus } from "@/server/media/notify-status";

/** The show is on air: LIVE with its start time (first frame) and HLS directory. Idempotent. */
export async function markLive(roomId: string, startedAt: Date): Promise<void> {
  const room = await db.room.findUnique({ where: { id: roomId }, select: { status: true, startedAt: true } });
  if (!room || room.status === "ENDED") return;
  if (room.status === "LIVE" && room.startedAt) return;
  const updated = await db.room.update({
    where: { id: roomId },
    data: { status: "LIVE", startedAt: room.startedAt ?? startedAt, hlsPath: roomId },
  });
  notifyRoomStatus({ roomId, status: "LIVE", hlsUrl: hlsUrlOf(updated), at: startedAt });
}

/** The show is over: ENDED with its end time; the recording stays as the replay. */
export async function markEnded(roomId: string, hasRecording: boolean): Promise<{ endedAt: Date; hlsUrl: string | null }> {
  const endedAt = new Date();
  const updated = await db.room.update({
    where: { id: roomId },
    data: { status: "ENDED", endedAt, ...(hasRecording ? { hlsPath: roomId } : {}) },
  });
  const hlsUrl = hlsUrlOf(updated);
  notifyRoomStatus({ roomId, status: "ENDED", hlsUrl, at: endedAt });
  return { endedAt, hlsUrl };
}
