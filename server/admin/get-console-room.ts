import "server-only";
import type { RoomStatus } from "@prisma/client";
import { db } from "@/server/db";

export type TConsoleRoom = {
  id: string;
  slug: string;
  title: string;
  status: RoomStatus;
  startedAt: Date | null;
  sellerName: string;
};

/** The show an admin's room console is about, or null. */
export async function getConsoleRoom(id: string): Promise<TConsoleRoom | null> {
  if (!/^[a-zA-Z0-9_-]{1,100}$/.test(id)) return null;
  const room = await db.room.findUnique({
    where: { id },
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      startedAt: true,
      seller: { select: { name: true } },
    },
  });
  return room
    ? {
        id: room.id,
        slug: room.slug,
        title: room.title,
        status: room.status,
        startedAt: room.startedAt,
        sellerName: room.seller.name,
      }
    : null;
}

/** Filter choices for the audit log page: actions seen, shows, and people who acted. */
export async function auditFilterOptions(): Promise<{
  rooms: { id: string; title: string }[];
  actors: { id: string; name: string }[];
}> {
  const [rooms, actorRows] = await Promise.all([
    db.room.findMany({ orderBy: { createdAt: "desc" }, take: 500, select: { id: true, title: true } }),
    db.auditLog.findMany({
      distinct: ["actorId"],
      where: { actorId: { not: null } },
      select: { actorId: true },
    }),
  ]);
  const ids = actorRows.map((r) => r.actorId).filter((x): x is string => !!x);
  const actors = await db.user.findMany({
    where: { id: { in: ids } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
  return { rooms, actors };
}
