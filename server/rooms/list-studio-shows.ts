import "server-only";
import type { RoomStatus } from "@prisma/client";
import { db } from "@/server/db";
import type { TSessionUser } from "@/server/auth/sessions";

export type TStudioShowRow = {
  id: string;
  slug: string;
  title: string;
  status: RoomStatus;
  scheduledAt: Date | null;
  startedAt: Date | null;
  endedAt: Date | null;
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
      id: r.id,
      slug: r.slug,
      title: r.title,
      status: r.status,
      scheduledAt: r.scheduledAt,
      startedAt: r.startedAt,
      endedAt: r.endedAt,
      sellerName: r.seller.name,
      productCount: r._count.products,
      reminderCount: r._count.reminders,
    }))
    .sort((a, b) => rank[a.status] - rank[b.status]);
}
