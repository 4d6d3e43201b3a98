import "server-only";
import type { RoomStatus } from "@prisma/client";
import { db } from "@/server/db";

export type TShowCard = {
  id: string;
  slug: string;
  title: string;
  status: RoomStatus;
  scheduledAt: Date | null;
  startedAt: Date | null;
  endedAt: Date | null;
  sellerName: string;
  thumbnailUrl: string | null;
  productCount: number;
};

const cardSelect = {
  id: true,
  slug: true,
  title: true,
  status: true,
  scheduledAt: true,
  startedAt: true,
  endedAt: true,
  seller: { select: { name: true } },
  products: { orderBy: { position: "asc" }, take: 1, select: { product: { select: { imageUrl: true } } } },
  _count: { select: { products: true } },
} as const;

type TCardRow = {
  id: string;
  slug: string;
  title: string;
  status: RoomStatus;
  scheduledAt: Date | null;
  startedAt: Date | null;
  endedAt: Date | null;
  seller: { name: string };
  products: { product: { imageUrl: string | null } }[];
  _count: { products: number };
};

function toCard(row: TCardRow): TShowCard {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    status: row.status,
    scheduledAt: row.scheduledAt,
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    sellerName: row.seller.name,
    thumbnailUrl: row.products[0]?.product.imageUrl ?? null,
    productCount: row._count.products,
  };
}

/** The home page's three shelves: on air now, coming up (soonest first), and recent replays. */
export async function getHomeShows(): Promise<{
  live: TShowCard[];
  upcoming: TShowCard[];
  replays: TShowCard[];
}> {
  const [live, upcoming, replays] = await Promise.all([
    db.room.findMany({
      where: { status: "LIVE" },
      orderBy: { startedAt: "desc" },
      take: 24,
      select: cardSelect,
    }),
    db.room.findMany({
      where: { status: "SCHEDULED" },
      orderBy: [{ scheduledAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
      take: 24,
      select: cardSelect,
    }),
    db.room.findMany({
      where: { status: "ENDED" },
      orderBy: { endedAt: "desc" },
      take: 12,
      select: cardSelect,
    }),
  ]);
  return { live: live.map(toCard), upcoming: upcoming.map(toCard), replays: replays.map(toCard) };
}
