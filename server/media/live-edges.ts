import type { LiveEdge } from "@/server/media/live-edge";

/**
 * The live edge (parts, playlist, blocking reloads) of each show this process packages, by room id, for
 * the HLS handler. On globalThis like the ingest registry: the server and bundled route handlers may load
 * separate copies of this module in one process.
 */
const store = globalThis as { onairLiveEdges?: Map<string, LiveEdge> };
export const liveEdges: Map<string, LiveEdge> = (store.onairLiveEdges ??= new Map<string, LiveEdge>());
