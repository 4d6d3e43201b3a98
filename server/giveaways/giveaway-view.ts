import type { Prisma } from "@prisma/client";
import type { TGiveawayView } from "@/lib/giveaways/giveaway-schemas";
import { LIVE_ITEM_SELECT, liveItemFields } from "@/server/engage/live-item-view";

/** What every giveaway read selects: the row, its product's name, the winner's public name and the live entry count. */
export const GIVEAWAY_SELECT = {
  ...LIVE_ITEM_SELECT,
  entry: true,
  entrantCount: true,
  winner: { select: { id: true, name: true } },
  _count: { select: { entries: true } },
} satisfies Prisma.GiveawaySelect;

export type TGiveawayRow = Prisma.GiveawayGetPayload<{ select: typeof GIVEAWAY_SELECT }>;

export function toGiveawayView(row: TGiveawayRow): TGiveawayView {
  return {
    ...liveItemFields(row),
    entry: row.entry,
    // Running: counted live; ended: the count the draw was made from (entries are never removed).
    entrants: row.status === "RUNNING" ? row._count.entries : row.entrantCount,
    winner: row.winner ? { id: row.winner.id, name: row.winner.name } : null,
  };
}
