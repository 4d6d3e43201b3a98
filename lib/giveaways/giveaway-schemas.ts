/**
 * Giveaways, one contract for server, slaves and browser: request schemas (zod), the view every client sees,
 * and the ordering rule of updates. Browser-safe.
 */
import { z } from "zod";
import { newerByProgress, ZLiveItemId, ZLiveItemUpdate, type TLiveItemView } from "@/lib/engage/live-items";

export const MIN_GIVEAWAY_SECONDS = 15;
export const MAX_GIVEAWAY_SECONDS = 60 * 60;

/** Who may enter: any signed-in viewer, or only those who chatted in this show (contract). */
export const GIVEAWAY_ENTRY = ["ANY", "CHATTERS"] as const;
export type TGiveawayEntry = (typeof GIVEAWAY_ENTRY)[number];

/** `POST /api/rooms/:id/giveaways` (contract). */
export const ZCreateGiveawayRequest = z.strictObject({
  productId: z.string({ error: "Choose a product." }).trim().min(1, "Choose a product.").max(100),
  durationSeconds: z
    .number({ error: "Enter the duration in seconds." })
    .int("Enter the duration in whole seconds.")
    .min(MIN_GIVEAWAY_SECONDS, `A giveaway runs at least ${MIN_GIVEAWAY_SECONDS} seconds.`)
    .max(MAX_GIVEAWAY_SECONDS, "A giveaway runs at most one hour."),
  entry: z.enum(GIVEAWAY_ENTRY, { error: "Entry is 'ANY' or 'CHATTERS'." }),
});
export type TCreateGiveawayRequest = z.infer<typeof ZCreateGiveawayRequest>;

/** Client → slave `giveaway:enter` (contract). */
export const ZEnterGiveawayRequest = z.object({
  giveawayId: ZLiveItemId("giveaway"),
});
export type TEnterGiveawayRequest = z.input<typeof ZEnterGiveawayRequest>;

export type TGiveawayView = TLiveItemView & {
  entry: TGiveawayEntry;
  /** Entries so far (final once ended). */
  entrants: number;
  /** Drawn at the end; null while running, without entrants, or cancelled. */
  winner: { id: string; name: string } | null;
};

/** Slave → client `giveaway:update` (contract fields first; the rest of the view rides along). */
export type TGiveawayUpdate = TGiveawayView & { giveawayId: string };

export const toGiveawayUpdate = (view: TGiveawayView): TGiveawayUpdate => ({ ...view, giveawayId: view.id });

/** Entries only grow: updates are ordered by the entrant count. */
export const isNewerGiveaway = newerByProgress("entrants");

/** What a browser accepts as a `giveaway:update` before merging it. */
export const ZGiveawayUpdate = ZLiveItemUpdate.extend({
  giveawayId: z.string(),
  entrants: z.number().int().min(0),
});
