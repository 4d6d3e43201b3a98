import "server-only";
import type { RoomStatus } from "@prisma/client";
import { db } from "@/server/db";

export type TAdminRoomRow = {
  id: string;
  slug: string;
  title: string;
  status: RoomStatus;
  sellerName: string;
  scheduledAt: Date | null;
  productCount: number;
};

/** Every show for the admin dashboard, newest first. */
export async function listAdminRooms(): Promise<TAdminRoomRow[]> {
  const rows = await db.room.findMany({
    orderBy: { createdAt: "desc" },
    take: 500,
    include: { seller: { select: { name: true } }, _count: { select: { products: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    status: r.status,
    sellerName: r.seller.name,
    scheduledAt: r.scheduledAt,
    productCount: r._count.products,
  }));
}
