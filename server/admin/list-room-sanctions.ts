import "server-only";
import { db } from "@/server/db";

export type TRoomSanctionRow = {
  userId: string;
  userName: string;
  type: "MUTE" | "BAN";
  until: string | null;
  createdAt: string;
  byName: string | null;
};
export type TRoomChatter = { id: string; name: string };

/** A room's sanctions still in force, and the viewers who chatted there lately (whom a moderator may sanction). */
export async function listRoomSanctions(
  roomId: string,
): Promise<{ sanctions: TRoomSanctionRow[]; chatters: TRoomChatter[] }> {
  const now = new Date();
  const [rows, recent, room] = await Promise.all([
    db.sanction.findMany({
      where: { roomId, OR: [{ until: null }, { until: { gt: now } }] },
      orderBy: { createdAt: "desc" },
      include: { user: { select: { name: true } } },
    }),
    db.chatMessage.findMany({
      where: { roomId, kind: "chat", deletedAt: null, user: { is: { role: "SHOPPER" } } },
      orderBy: { id: "desc" },
      take: 300,
      select: { user: { select: { id: true, name: true } } },
    }),
    db.room.findUnique({ where: { id: roomId }, select: { sellerId: true } }),
  ]);
  const byIds = [...new Set(rows.map((r) => r.createdById))];
  const by = new Map(
    (await db.user.findMany({ where: { id: { in: byIds } }, select: { id: true, name: true } })).map((u) => [
      u.id,
      u.name,
    ]),
  );
  const chatters = new Map<string, TRoomChatter>();
  for (const m of recent)
    if (m.user && m.user.id !== room?.sellerId && !chatters.has(m.user.id)) chatters.set(m.user.id, m.user);
  return {
    sanctions: rows.map((r) => ({
      userId: r.userId,
      userName: r.user.name,
      type: r.type,
      until: r.until?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
      byName: by.get(r.createdById) ?? null,
    })),
    chatters: [...chatters.values()].slice(0, 50),
  };
}
