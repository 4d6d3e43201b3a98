import "server-only";
import type { RoomStatus } from "@prisma/client";
import { db } from "@/server/db";
import type { TSessionUser } from "@/server/auth/sessions";
import { showHead, type TShowHead } from "@/server/rooms/show-head";

export type TStudioShowRow = TShowHead & {
  sellerName: string;
  productCount: number;
  /** Viewers who asked to be reminded when it goes live. */
  reminderCount: number;
};

/** The shows a studio user runs: a seller's own, every show for an ADMIN. Live first, then by schedule. */
export async function listStudioShows(user: Pick<TSessionUser, "id" | "role">): Promise<TStudioShowRow[]> {
  const rows = await db.room.findMany({
    where: user.role === "ADMIN" ? {} : { sellerId: user.id },
    orderBy: [{ scheduledAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
    take: 200,
    include: { seller: { select: { name: true } }, _count: { select: { products: true, reminders: true } } },
  });
  const rank: Record<RoomStatus, number> = { LIVE: 0, SCHEDULED: 1, ENDED: 2 };
  return rows
    .map((r) => ({
      ...showHead(r),
      sellerName: r.seller.name,
      productCount: r._count.products,
      reminderCount: r._count.reminders,
    }))
    .sort((a, b) => rank[a.status] - rank[b.status]);
}
