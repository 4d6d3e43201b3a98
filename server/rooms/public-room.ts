import type { Prisma } from "@prisma/client";
import { db } from "@/server/db";
import { findShow } from "@/server/rooms/find-show";
import { parseBlockedWords } from "@/server/chat/room-config";
import { hlsUrlOf } from "@/server/rooms/hls-url";
import { dealRuns, listingFacts, unitPrice } from "@/lib/commerce/pricing";

type RoomRow = Prisma.RoomGetPayload<{ include: { seller: { select: { name: true } } } }>;

/** A room as `GET /api/rooms` lists it: the contract's fields plus schedule and seller name. */
export function toRoomSummary(room: RoomRow) {
  return {
    id: room.id,
    slug: room.slug,
    title: room.title,
    status: room.status,
    sellerId: room.sellerId,
    sellerName: room.seller.name,
    hlsUrl: hlsUrlOf(room),
    scheduledAt: room.scheduledAt?.toISOString() ?? null,
    startedAt: room.startedAt?.toISOString() ?? null,
    endedAt: room.endedAt?.toISOString() ?? null,
  };
}

/** Every show, live first, then upcoming by start time, then replays newest first. */
export async function listPublicRooms() {
  const rooms = await db.room.findMany({ include: { seller: { select: { name: true } } } });
  const rank = { LIVE: 0, SCHEDULED: 1, ENDED: 2 } as const;
  const time = (r: RoomRow) =>
    r.status === "ENDED" ? -(r.endedAt?.getTime() ?? 0) : (r.scheduledAt?.getTime() ?? 0);
  return rooms.sort((a, b) => rank[a.status] - rank[b.status] || time(a) - time(b)).map(toRoomSummary);
}

/** One room by id or slug with its products in order and its chat settings, or null. */
export async function getPublicRoom(idOrSlug: string, now = new Date()) {
  const room = await findShow({ OR: [{ id: idOrSlug }, { slug: idOrSlug }] });
  if (!room) return null;
  return {
    ...toRoomSummary(room),
    description: room.description,
    pinnedProductId: room.pinnedProductId,
    chat: {
      separation: room.separation,
      autoSeparateAbove: room.autoSeparateAbove,
      slowModeSeconds: room.slowModeSeconds,
      frozen: room.frozen,
      blockedWords: parseBlockedWords(room.blockedWords),
    },
    products: room.products.map((listing) => {
      const { product: p, position } = listing;
      // The one rule that also decides the price charged (lib/commerce/pricing.ts).
      const facts = listingFacts(p, listing, room.status);
      const deal = dealRuns(facts, now.getTime()) ? listing : null;
      return {
        id: p.id,
        position,
        name: p.name,
        description: p.description,
        imageUrl: p.imageUrl,
        currency: p.currency,
        priceMinor: p.priceMinor,
        price: unitPrice(facts, now.getTime()),
        stock: p.stock,
        archived: p.archivedAt !== null,
        deal:
          deal?.dealPriceMinor != null && deal.dealEndsAt
            ? {
                priceMinor: deal.dealPriceMinor,
                endsAt: deal.dealEndsAt.toISOString(),
                limitPerBuyer: deal.dealLimitPerBuyer,
              }
            : null,
      };
    }),
  };
}
