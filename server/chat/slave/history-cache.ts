import { fetchHistory, type THistoryQuery } from "@/server/chat/history";
import { EncodedJson } from "@/server/chat/slave/encoded-json";
import type { TSlaveRoom } from "@/server/chat/slave/rooms";

type TEntry = { version: number; read: Promise<EncodedJson> };

const entries = new WeakMap<TSlaveRoom, Map<string, TEntry>>();
const versions = new WeakMap<TSlaveRoom, number>();

/**
 * Something a history read could see changed in this room (a message delivered here, a deletion, new
 * settings, a resync): later joins read the DB again.
 */
export function historyChanged(room: TSlaveRoom): void {
  versions.set(room, (versions.get(room) ?? 0) + 1);
  entries.get(room)?.clear();
}

/**
 * `room:join`'s latest-messages read, shared by every join of the room (and chat group) until something in
 * it changes. A show's opening brings hundreds of joins a second; each read compiled and ran a Prisma query
 * (~4 ms of CPU in the join profile, the largest share of a join). Same answer as the DB: the entry is
 * dropped the moment this slave delivers, deletes or re-reads anything of the room, and a message stored
 * elsewhere but not yet relayed arrives live, as it would after a fresh read. `sinceId` reads (reconnects)
 * always go to the DB. The answer comes JSON-encoded, once per read: the join's ack carries it as is
 * (encoded-json.ts).
 */
export function latestHistory(room: TSlaveRoom, q: THistoryQuery): Promise<EncodedJson> {
  if (q.sinceId !== null) return encoded(fetchHistory(q));
  const key = q.separated && !q.staff ? `group ${q.nodeId}` : q.staff ? "staff" : "all";
  const version = versions.get(room) ?? 0;
  let byKey = entries.get(room);
  if (!byKey) entries.set(room, (byKey = new Map<string, TEntry>()));
  const hit = byKey.get(key);
  if (hit && hit.version === version) return hit.read;
  const read = encoded(fetchHistory(q));
  byKey.set(key, { version, read });
  // A failed read must not be served to the next joins.
  read.catch(() => {
    if (byKey.get(key)?.read === read) byKey.delete(key);
  });
  return read;
}

const encoded = (read: ReturnType<typeof fetchHistory>) =>
  read.then((messages) => new EncodedJson(JSON.stringify(messages)));
