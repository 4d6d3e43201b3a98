import { existsSync } from "node:fs";
import path from "node:path";
import { createLogger } from "@/server/log";
import { mediaConfig, roomDir } from "@/server/media/config";
import { HlsPackager, RECORDING_PLAYLIST } from "@/server/media/hls-packager";
import { liveIngests } from "@/server/media/registry";

const log = createLogger("media");

/**
 * The media node's half of ending a show: stops its ingest (flushing ffmpeg) and writes the VOD playlist,
 * or finalizes what is on disk when the publisher left earlier. Answers whether a replay exists.
 */
export async function finishShowOutput(roomId: string): Promise<{ hasRecording: boolean }> {
  const cfg = mediaConfig();
  const dir = roomDir(cfg.mediaDir, roomId);
  const ingest = liveIngests.get(roomId);
  if (ingest) {
    await ingest.finish();
  } else if (existsSync(path.join(dir, RECORDING_PLAYLIST))) {
    const packager = new HlsPackager(dir, cfg.maxShowBytes, log.child({ roomId }));
    await packager.load();
    await packager.finalize();
  }
  return { hasRecording: existsSync(path.join(dir, RECORDING_PLAYLIST)) };
}
