import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { ZCancelLiveItemRequest } from "@/lib/engage/live-items";
import { requireUser } from "@/server/auth/request";
import type { TFinishHow } from "@/server/engage/finish-live-item";
import { ApiError, notFound } from "@/server/http/errors";
import { handle, parseBody, parseParams } from "@/server/http/handle";

const ZRouteId = z.string().min(1).max(100);

type TCancelLiveItem<V> = {
  noun: "auction" | "giveaway";
  inShow: (roomId: string, itemId: string) => Promise<unknown>;
  finish: (itemId: string, how: TFinishHow) => Promise<V | null>;
};

/**
 * An ADMIN cancels a running item of this show with a reason (the feature's finish writes the audit row
 * `<noun>.cancel` and puts the unit back) → its view; 404 when the item is not this show's, 409
 * `<NOUN>_ENDED` when it is already over.
 */
export async function cancelLiveItem<V>(
  opts: TCancelLiveItem<V>,
  at: { roomId: string; itemId: string },
  by: { adminId: string; reason: string },
): Promise<V> {
  if (!(await opts.inShow(at.roomId, at.itemId)))
    throw notFound(`This ${opts.noun} does not exist in this show.`);
  const view = await opts.finish(at.itemId, { kind: "cancel", actorId: by.adminId, reason: by.reason });
  if (!view)
    throw new ApiError(409, `${opts.noun.toUpperCase()}_ENDED`, `This ${opts.noun} has already ended.`);
  return view;
}

/** `POST /api/rooms/:id/<noun>s/:<param>/cancel` as a route file: both ids, then the ADMIN, then the body. */
export function cancelLiveItemRoute<P extends string, V>(opts: TCancelLiveItem<V> & { param: P }) {
  // zod cannot infer a computed key's name; the object checks both ids all the same.
  const ZParams = z.object({ id: ZRouteId, [opts.param]: ZRouteId }) as unknown as z.ZodType<
    Record<"id" | P, string>
  >;
  return handle(async (req, ctx: { params: Promise<Record<"id" | P, string>> }) => {
    const params = parseParams(await ctx.params, ZParams);
    const admin = await requireUser("ADMIN");
    const { reason } = await parseBody(req, ZCancelLiveItemRequest);
    const view = await cancelLiveItem(
      opts,
      { roomId: params.id, itemId: params[opts.param] },
      { adminId: admin.id, reason },
    );
    return NextResponse.json({ [opts.noun]: view });
  });
}
