import "server-only";
import { cachedJson, roomKey, ROOM_LIST_KEY, type TCached } from "@/server/rooms/room-cache";
import { getPublicRoom, listPublicRooms } from "@/server/rooms/public-room";

export type TPublicRoom = NonNullable<Awaited<ReturnType<typeof getPublicRoom>>>;

/** The earliest running deal's end: the cached JSON's price is wrong from then on, whatever else happens. */
function dealsEndAt(room: TPublicRoom): number | null {
  const ends = room.products.flatMap((p) => (p.deal ? [Date.parse(p.deal.endsAt)] : []));
  return ends.length > 0 ? Math.min(...ends) : null;
}

/**
 * `GET /api/rooms/:id` from memory: the room by id or slug as `getPublicRoom` computes it (a layer around
 * it, whatever computes prices), or null. Stock in it is as of the last change this process heard of;
 * viewers get every later change live through `product:update`.
 */
export async function cachedRoom(idOrSlug: string): Promise<(TCached & { value: TPublicRoom }) | null> {
  const entry = await cachedJson(roomKey(idOrSlug), async () => {
    const room = await getPublicRoom(idOrSlug);
    if (!room) return null;
    return { value: room, roomIds: [room.id], staleAt: dealsEndAt(room) };
  });
  return entry as (TCached & { value: TPublicRoom }) | null;
}

/** `GET /api/rooms` from memory: depends on every room. */
export async function cachedRoomList(): Promise<TCached> {
  const entry = await cachedJson(ROOM_LIST_KEY, async () => ({
    value: await listPublicRooms(),
    roomIds: ["*"],
  }));
  if (!entry) throw new Error("room list did not load");
  return entry;
}
