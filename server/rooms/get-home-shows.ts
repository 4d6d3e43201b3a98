import "server-only";
import { db } from "@/server/db";
import { showHead, type TShowHead } from "@/server/rooms/show-head";

export type TShowCard = TShowHead & {
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

type TCardRow = TShowHead & {
  seller: { name: string };
  products: { product: { imageUrl: string | null } }[];
  _count: { products: number };
};

function toCard(row: TCardRow): TShowCard {
  return {
    ...showHead(row),
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
