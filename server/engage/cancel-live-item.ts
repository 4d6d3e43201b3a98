import "server-only";
import type { TFinishHow } from "@/server/engage/finish-live-item";
import { ApiError, notFound } from "@/server/http/errors";
import type { TLiveItemKind } from "@/lib/engage/live-items";

type TCancelLiveItem<V> = {
  noun: TLiveItemKind;
  inShow: (roomId: string, itemId: string) => Promise<unknown>;
  finish: (itemId: string, how: TFinishHow) => Promise<V | null>;
};

/** What cancelling needs to know of a feature's live item, said once per feature (server/api/auctions.ts). */
export function cancellable<V>(item: TCancelLiveItem<V>): TCancelLiveItem<V> {
  return item;
}

/**
 * An ADMIN cancels a running item of this show with a reason (the feature's finish writes the audit row
 * `<noun>.cancel` and puts the unit back) → its view; 404 when the item is not this show's, 409
 * `<NOUN>_ENDED` when it is already over.
 */
export async function cancelLiveItem<V>(
  opts: TCancelLiveItem<V>,
  at: { roomId: string; itemId: string; adminId: string; reason: string },
): Promise<V> {
  if (!(await opts.inShow(at.roomId, at.itemId)))
    throw notFound(`This ${opts.noun} does not exist in this show.`);
  const view = await opts.finish(at.itemId, { kind: "cancel", actorId: at.adminId, reason: at.reason });
  if (!view)
    throw new ApiError(409, `${opts.noun.toUpperCase()}_ENDED`, `This ${opts.noun} has already ended.`);
  return view;
}
