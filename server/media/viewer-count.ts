import { createHash } from "node:crypto";
import { processWide } from "@/server/process-state";

/** A viewer that has not fetched the live playlist for this long has left. */
const ACTIVE_MS = 10_000;
const seen = processWide("hls-viewers", () => new Map<string, Map<string, number>>());

/** Players refresh the live playlist every second or so: each distinct client counts as a viewer. */
export function recordPlaylistFetch(roomId: string, client: string, now = Date.now()): void {
  let room = seen.get(roomId);
  if (!room) seen.set(roomId, (room = new Map<string, number>()));
  room.set(createHash("sha1").update(client).digest("base64url"), now);
}

export function videoViewers(roomId: string, now = Date.now()): number {
  const room = seen.get(roomId);
  if (!room) return 0;
  for (const [k, t] of room) if (now - t > ACTIVE_MS) room.delete(k);
  return room.size;
}
