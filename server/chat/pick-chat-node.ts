import { pickNode } from "@/server/chat/master/assign";
import {
  assignWithoutMaster,
  ChatUnavailableError,
  listNodes,
  type TChatNode,
} from "@/server/chat/control-client";

/**
 * Chat node assignment without a master round trip per arrival: the live slaves are fetched at most every
 * 500 ms (a slave joining, leaving or draining shows up within that; a dead one is skipped by the client's
 * `exclude` retry) and this process adds its own picks since, so a burst of 333 arrivals/s spreads evenly
 * instead of all landing on the slave that was emptiest at the last fetch.
 */
const LIST_TTL_MS = 500;
/**
 * An older list still serves while the next one is fetched, up to this age: arrivals never wait on the
 * master's answer. In a storm on a saturated machine the list request missed its 1.5 s timeout and every
 * arrival of that moment then asked the master itself and probed each slave's /health (606 fallbacks in one
 * storm), more load exactly when there was none to spare. Beyond this age the master counts as unreachable.
 */
const LIST_STALE_MS = 5000;

type TSnapshot = { at: number; nodes: TChatNode[]; picked: Map<string, number> };
let snapshot: TSnapshot | null = null;
let loading: Promise<TSnapshot> | null = null;

async function nodes(): Promise<TSnapshot> {
  const age = snapshot ? Date.now() - snapshot.at : Infinity;
  if (snapshot && age < LIST_TTL_MS) return snapshot;
  if (!loading) {
    loading = listNodes()
      .then((list) => (snapshot = { at: Date.now(), nodes: list, picked: new Map() }))
      .finally(() => (loading = null));
    // A failed refresh is not an error while the last list serves; arrivals that wait for it still see it.
    loading.catch(() => undefined);
  }
  return snapshot && age < LIST_STALE_MS ? snapshot : loading;
}

/** The slave a new client of `roomId` should use, skipping `exclude`. Throws ChatUnavailableError. */
export async function pickChatNode(
  roomId: string,
  exclude: string[],
): Promise<{ nodeId: string; url: string }> {
  let current: TSnapshot;
  try {
    current = await nodes();
  } catch (err) {
    // The master did not answer the list: asking it again per arrival (assignNode) would wait another
    // timeout each; the last known slaves that answer /health serve instead.
    if (err instanceof ChatUnavailableError) return assignWithoutMaster(exclude);
    throw err;
  }
  const load = current.nodes.map((n) => ({
    ...n,
    draining: n.draining ?? false,
    connections: n.connections + (current.picked.get(n.nodeId) ?? 0),
  }));
  const chosen = pickNode(load, new Set(exclude));
  if (!chosen) throw new ChatUnavailableError();
  current.picked.set(chosen.nodeId, (current.picked.get(chosen.nodeId) ?? 0) + 1);
  return { nodeId: chosen.nodeId, url: chosen.url };
}
