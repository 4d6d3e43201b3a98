import type { LiveEdge } from "@/server/media/live-edge";
import { processWide } from "@/server/process-state";

/**
 * The live edge (parts, playlist, blocking reloads) of each show this process packages, by room id, for
 * the HLS handler. Process-wide (server/process-state.ts): the server and bundled route handlers may load
 * separate copies of this module in one process.
 */
export const liveEdges = processWide("live-edges", () => new Map<string, LiveEdge>());
