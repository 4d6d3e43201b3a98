import "server-only";
import { db } from "@/server/db";
import { ApiError } from "@/server/http/errors";
import { hlsUrlOf } from "@/server/rooms/hls-url";
import { messageSelect, toMessage } from "@/server/chat/message-row";
import type { TMessage } from "@/lib/chat/protocol";

/** More messages than this in one replay are cut to the first ones (docs/MEDIA.md). */
const MAX_MESSAGES = 5000;

/** A chat Message (the chat protocol's shape) with its moment in the show. */
export type TReplayMessage = TMessage & {
  /** Milliseconds after the show started (`startedAt`). */
  offsetMs: number;
};
export type TReplayPin = { productId: string | null; createdAt: string; offsetMs: number };
export type TReplay = {
  roomId: string;
  status: string;
  startedAt: string;
  endedAt: string | null;
  hlsUrl: string | null;
  messages: TReplayMessage[];
  pins: TReplayPin[];
  products: { id: string; name: string; imageUrl: string | null; priceMinor: number; currency: string }[];
};

/** The replay timeline: chat messages and pin changes with their offsets from the show's start. */
export async function getReplay(idOrSlug: string): Promise<TReplay> {
  const room = await db.room.findFirst({
    where: { OR: [{ id: idOrSlug }, { slug: idOrSlug }] },
    select: { id: true, status: true, startedAt: true, endedAt: true, hlsPath: true },
  });
  if (!room) throw new ApiError(404, "NOT_FOUND", "This show does not exist.");
  if (!room.startedAt) throw new ApiError(409, "NOT_STARTED", "This show has not been on air yet.");
  // While the show is live its chat may be separated into groups: the whole timeline (every group's
  // messages) is published only once the show has ended.
  if (room.status !== "ENDED")
    throw new ApiError(409, "NOT_ENDED", "The replay is available once the show has ended.");
  const startedAt = room.startedAt;
  const until = room.endedAt ?? new Date();
  const [messages, pins, lastPinBefore] = await Promise.all([
    db.chatMessage.findMany({
      where: { roomId: room.id, deletedAt: null, createdAt: { gte: startedAt, lte: until } },
      orderBy: { id: "asc" },
      take: MAX_MESSAGES,
      select: messageSelect,
    }),
    db.pinEvent.findMany({
      where: { roomId: room.id, createdAt: { gte: startedAt, lte: until } },
      orderBy: { createdAt: "asc" },
    }),
    // The product already pinned when the show went live.
    db.pinEvent.findFirst({
      where: { roomId: room.id, createdAt: { lt: startedAt } },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  const offset = (d: Date) => Math.max(0, d.getTime() - startedAt.getTime());
  const allPins = lastPinBefore ? [{ ...lastPinBefore, createdAt: startedAt }, ...pins] : pins;
  const productIds = [...new Set(allPins.map((p) => p.productId).filter((id): id is string => id !== null))];
  const products = await db.product.findMany({
    where: { id: { in: productIds } },
    select: { id: true, name: true, imageUrl: true, priceMinor: true, currency: true },
  });
  return {
    roomId: room.id,
    status: room.status,
    startedAt: startedAt.toISOString(),
    endedAt: room.endedAt?.toISOString() ?? null,
    hlsUrl: hlsUrlOf(room),
    messages: messages.map((m) => ({ ...toMessage(m), offsetMs: offset(m.createdAt) })),
    pins: allPins.map((p) => ({
      productId: p.productId,
      createdAt: p.createdAt.toISOString(),
      offsetMs: offset(p.createdAt),
    })),
    products,
  };
}
