import type { TIngestStats } from "@/lib/media/ingest-protocol";
import { processWide } from "@/server/process-state";

/** What the rest of the web tier may ask of a show's live ingest. */
export type TLiveControl = {
  roomId: string;
  publishing: boolean;
  /** True once media has arrived: only such sessions count against MEDIA_MAX_LIVE_SHOWS (a hello alone does not). */
  holdsSlot: boolean;
  /** The show's video is re-encoded (counts against MEDIA_MAX_TRANSCODES). */
  transcoding?: boolean;
  stats(): TIngestStats;
  /** Stops the ingest, flushes ffmpeg and writes the final VOD playlist. */
  finish(): Promise<void>;
};

/**
 * Live ingests by room id. Process-wide (server/process-state.ts): the web server (tsx) and Next.js route
 * handlers (bundled) load separate copies of this module in the same process.
 */
export const liveIngests = processWide("live-ingests", () => new Map<string, TLiveControl>());

/** Shows holding a live slot on this node (media flowing or ffmpeg running), excluding `except`. */
export function liveShowCount(except?: string): number {
  let n = 0;
  for (const [roomId, ingest] of liveIngests) if (ingest.holdsSlot && roomId !== except) n++;
  return n;
}
