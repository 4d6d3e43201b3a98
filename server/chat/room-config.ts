import type { TRoomConfig, TSanctionEntry } from "@/lib/chat/node-protocol";
import { db } from "@/server/db";
import { hlsUrlOf } from "@/server/rooms/hls-url";

/** Parses the JSON column defensively: a hand-edited row must not take a node down. */
export function parseBlockedWords(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value)
      ? value.filter((w): w is string => typeof w === "string" && w.length > 0)
      : [];
  } catch {
    return [];
  }
}

/** A room's chat settings and active sanctions from the DB, or null when the room does not exist. */
export async function loadRoomConfig(roomId: string): Promise<TRoomConfig | null> {
  const now = new Date();
  const room = await db.room.findUnique({
    where: { id: roomId },
    select: {
      id: true,
      sellerId: true,
      status: true,
      pinnedProductId: true,
      separation: true,
      autoSeparateAbove: true,
      slowModeSeconds: true,
      frozen: true,
      blockedWords: true,
      updatedAt: true,
      hlsPath: true,
      startedAt: true,
      sanctions: {
        where: { OR: [{ until: null }, { until: { gt: now } }] },
        select: { userId: true, type: true, until: true },
      },
    },
  });
  if (!room) return null;
  const sanctions: TSanctionEntry[] = room.sanctions.map((s) => ({
    userId: s.userId,
    type: s.type,
    until: s.until ? s.until.toISOString() : null,
  }));
  return {
    roomId: room.id,
    sellerId: room.sellerId,
    status: room.status,
    pinnedProductId: room.pinnedProductId,
    separation: room.separation,
    autoSeparateAbove: room.autoSeparateAbove,
    slowModeSeconds: room.slowModeSeconds,
    frozen: room.frozen,
    blockedWords: parseBlockedWords(room.blockedWords),
    sanctions,
    updatedAt: room.updatedAt.toISOString(),
    hlsUrl: hlsUrlOf(room),
    startedAt: room.startedAt?.toISOString() ?? null,
  };
}

/**
 * The room made by `make` from its config, read once however many callers ask while the read runs
 * (`loading` holds the reads under way); null when the room does not exist.
 */
export function loadRoomOnce<R>(
  loading: Map<string, Promise<R | null>>,
  roomId: string,
  make: (config: TRoomConfig) => R,
): Promise<R | null> {
  let pending = loading.get(roomId);
  if (!pending) {
    pending = loadRoomConfig(roomId)
      .then((config) => (config ? make(config) : null))
      // A failed read must not stick: the next caller tries the DB again.
      .finally(() => loading.delete(roomId));
    loading.set(roomId, pending);
  }
  return pending;
}
