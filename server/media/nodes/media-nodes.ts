import { db } from "@/server/db";

/**
 * How often a media node writes its row, and when a silent one counts as dead (five missed beats). A node
 * restarted by its supervisor is back in 2-3 s on an idle host but took up to 8 s on a 2-core host at load
 * 30; until it is dead its shows wait for it, since their recordings are on its disk.
 */
export const HEARTBEAT_MS = 2000;
export const DEAD_AFTER_MS = 10_000;

export type TMediaNodeState = "active" | "draining" | "dead";
export type TMediaNodeRow = {
  id: string;
  url: string;
  draining: boolean;
  connections: number;
  liveShows: number;
  maxLiveShows: number;
  startedAt: Date;
  heartbeatAt: Date;
};
export type TMediaNode = TMediaNodeRow & { state: TMediaNodeState };

/** Dead wins over draining: a dead node takes nothing whatever its switch says. */
export function nodeState(row: TMediaNodeRow, now = Date.now()): TMediaNodeState {
  if (now - row.heartbeatAt.getTime() > DEAD_AFTER_MS) return "dead";
  return row.draining ? "draining" : "active";
}

/**
 * The node a new show goes to: alive, not draining, below its live-show limit; fewest live shows, then
 * fewest connections, then node id (stable, so two web processes asked at once pick the same one).
 */
export function pickMediaNode<T extends TMediaNodeRow>(rows: readonly T[], now = Date.now()): T | null {
  const open = rows.filter((r) => nodeState(r, now) === "active" && r.liveShows < r.maxLiveShows);
  open.sort((a, b) => a.liveShows - b.liveShows || a.connections - b.connections || a.id.localeCompare(b.id));
  return open[0] ?? null;
}

/** Every media node that ever announced itself, with its state now. */
export async function listMediaNodes(now = Date.now()): Promise<TMediaNode[]> {
  const rows = await db.mediaNode.findMany({ orderBy: { id: "asc" } });
  return rows.map((r) => ({ ...r, state: nodeState(r, now) }));
}
