import "server-only";
import { db } from "@/server/db";
import type { TFinish } from "@/server/engage/finish-live-item";
import type { TLiveItemFeature } from "@/server/engage/live-item-feature";
import { ApiError, notFound } from "@/server/http/errors";
import type { TLiveItemKind } from "@/lib/engage/live-items";

/**
 * An ADMIN cancels a running item of this show with a reason: the cancel route's input (the show `{id}`, the
 * item `{<noun>Id}`, the body's `reason`). The feature's `finish` writes the audit row `<noun>.cancel` and puts
 * the unit back → its view; 404 when the item is not this show's, 409 `<NOUN>_ENDED` when it is already over.
 */
export async function cancelLiveItem<V extends { roomId: string }, K extends TLiveItemKind>(
  feature: TLiveItemFeature<V> & { noun: K },
  finish: TFinish<V>,
  input: { params: { id: string } & Record<`${K}Id`, string>; body: { reason: string } },
  adminId: string,
): Promise<V> {
  const { noun } = feature;
  const itemId = input.params[`${noun}Id`];
  const inShow = await feature.table(db).findFirst({
    where: { id: itemId, roomId: input.params.id },
    select: { id: true },
  });
  if (!inShow) throw notFound(`This ${noun} does not exist in this show.`);
  const view = await finish(itemId, { kind: "cancel", actorId: adminId, reason: input.body.reason });
  if (!view) throw new ApiError(409, `${noun.toUpperCase()}_ENDED`, `This ${noun} has already ended.`);
  return view;
}
