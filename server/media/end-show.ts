import "server-only";
import { existsSync } from "node:fs";
import path from "node:path";
import { db } from "@/server/db";
import { ApiError } from "@/server/http/errors";
import { createLogger } from "@/server/log";
import { mediaConfig, roomDir } from "@/server/media/config";
import { HlsPackager, RECORDING_PLAYLIST } from "@/server/media/hls-packager";
import { liveIngests } from "@/server/media/registry";
import { markEnded } from "@/server/media/room-status";

const log = createLogger("media");

/** Ends a show: stops its ingest, finalizes the recording as a VOD replay, sets ENDED + endedAt. */
export async function endShow(roomId: string): Promise<{ status: "ENDED"; endedAt: string; hlsUrl: string | null }> {
  const room = await db.room.findUnique({ where: { id: roomId }, select: { status: true } });
  if (!room) throw new ApiError(404, "NOT_FOUND", "This show does not exist.");
  const ingest = liveIngests.get(roomId);
  if (room.status === "ENDED") throw new ApiError(409, "ALREADY_ENDED", "This show has already ended.");
  if (room.status !== "LIVE" && !ingest) throw new ApiError(409, "NOT_LIVE", "This show is not live.");

  const cfg = mediaConfig();
  const dir = roomDir(cfg.mediaDir, roomId);
  if (ingest) {
    await ingest.finish();
  } else if (existsSync(path.join(dir, RECORDING_PLAYLIST))) {
    // The publisher left (or the web tier restarted) earlier: finalize what is on disk.
    const packager = new HlsPackager(dir, cfg.maxShowBytes, log.child({ roomId }));
    await packager.load();
    await packager.finalize();
  }
  const hasRecording = existsSync(path.join(dir, RECORDING_PLAYLIST));
  const { endedAt, hlsUrl } = await markEnded(roomId, hasRecording);
  log.info({ roomId, hasRecording }, "show ended");
  return { status: "ENDED", endedAt: endedAt.toISOString(), hlsUrl };
}
