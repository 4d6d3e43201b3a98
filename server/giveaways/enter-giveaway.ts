import { db } from "@/server/db";
import { withBusyRetry } from "@/server/commerce/with-busy-retry";

export type TEnterResult =
  | { kind: "entered" | "already" }
  | { kind: "notFound" | "ended" | "notEligible" }
  | { kind: "wrongRoom"; roomId: string };

/**
 * One viewer's entry, decided in the database: the giveaway must still run (status and clock), a CHATTERS
 * giveaway needs a chat message of theirs in this show, and (giveawayId, userId) is the key, so a second
 * press on any slave enters once. The conditional touch of the giveaway row serialises entries with the
 * draw (finish-giveaway.ts), so an entry is either counted in the draw or refused as ended.
 */
export async function enterGiveaway(
  giveawayId: string,
  userId: string,
  roomId: string,
  nodeId: string,
  now = new Date(),
): Promise<TEnterResult> {
  return withBusyRetry("enter giveaway", () =>
    db.$transaction(async (tx): Promise<TEnterResult> => {
      const g = await tx.giveaway.findUnique({
        where: { id: giveawayId },
        select: { roomId: true, entry: true },
      });
      if (!g) return { kind: "notFound" };
      if (g.roomId !== roomId) return { kind: "wrongRoom", roomId: g.roomId };
      const open = await tx.giveaway.updateMany({
        where: { id: giveawayId, status: "RUNNING", endsAt: { gt: now } },
        data: { updatedAt: now },
      });
      if (open.count !== 1) return { kind: "ended" };
      if (
        await tx.giveawayEntry.findUnique({
          where: { giveawayId_userId: { giveawayId, userId } },
          select: { userId: true },
        })
      )
        return { kind: "already" };
      if (g.entry === "CHATTERS") {
        const chatted = await tx.chatMessage.findFirst({
          where: { roomId, userId, kind: "chat", deletedAt: null },
          select: { id: true },
        });
        if (!chatted) return { kind: "notEligible" };
      }
      await tx.giveawayEntry.create({ data: { giveawayId, userId, nodeId } });
      return { kind: "entered" };
    }),
  );
}
