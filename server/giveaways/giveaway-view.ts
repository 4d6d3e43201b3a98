import type { Prisma } from "@prisma/client";
import type { TGiveawayView } from "@/lib/giveaways/giveaway-schemas";

/** What every giveaway read selects: the row, its product's name, the winner's public name and the live entry count. */
export const GIVEAWAY_SELECT = {
  id: true,
  roomId: true,
  productId: true,
  status: true,
  entry: true,
  entrantCount: true,
  endsAt: true,
  endedAt: true,
  orderId: true,
  cancelReason: true,
  createdAt: true,
  product: { select: { name: true } },
  winner: { select: { id: true, name: true } },
  _count: { select: { entries: true } },
} satisfies Prisma.GiveawaySelect;

export type TGiveawayRow = Prisma.GiveawayGetPayload<{ select: typeof GIVEAWAY_SELECT }>;

export function toGiveawayView(row: TGiveawayRow): TGiveawayView {
  return {
    id: row.id,
    roomId: row.roomId,
    productId: row.productId,
    productName: row.product.name,
    status: row.status,
    entry: row.entry,
    // Running: counted live; ended: the count the draw was made from (entries are never removed).
    entrants: row.status === "RUNNING" ? row._count.entries : row.entrantCount,
    winner: row.winner ? { id: row.winner.id, name: row.winner.name } : null,
    endsAt: row.endsAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    orderId: row.orderId,
    cancelReason: row.cancelReason,
    createdAt: row.createdAt.toISOString(),
  };
}
