import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { ZCancelLiveItemRequest } from "@/lib/engage/live-items";
import { requireUser } from "@/server/auth/request";
import type { TFinishHow } from "@/server/engage/finish-live-item";
import { ApiError, notFound } from "@/server/http/errors";
import { handle, parseBody, parseParams } from "@/server/http/handle";

const ZRouteId = z.string().min(1).max(100);

/**
 * `POST /api/rooms/:id/<noun>s/:<param>/cancel`: an ADMIN cancels a running item of this show with a reason
 * (the feature's finish writes the audit row `<noun>.cancel` and puts the unit back) → `{ <noun> }`; 404 when
 * the item is not this show's, 409 `<NOUN>_ENDED` when it is already over.
 */
export function cancelLiveItemRoute<P extends string, V>(opts: {
  noun: "auction" | "giveaway";
  param: P;
  inShow: (roomId: string, itemId: string) => Promise<unknown>;
  finish: (itemId: string, how: TFinishHow) => Promise<V | null>;
}) {
  // zod cannot infer a computed key's name; the object checks both ids all the same.
  const ZParams = z.object({ id: ZRouteId, [opts.param]: ZRouteId }) as unknown as z.ZodType<
    Record<"id" | P, string>
  >;
  return handle(async (req, ctx: { params: Promise<Record<"id" | P, string>> }) => {
    const params = parseParams(await ctx.params, ZParams);
    const itemId = params[opts.param];
    const admin = await requireUser("ADMIN");
    const { reason } = await parseBody(req, ZCancelLiveItemRequest);
    if (!(await opts.inShow(params.id, itemId)))
      throw notFound(`This ${opts.noun} does not exist in this show.`);
    const view = await opts.finish(itemId, { kind: "cancel", actorId: admin.id, reason });
    if (!view)
      throw new ApiError(409, `${opts.noun.toUpperCase()}_ENDED`, `This ${opts.noun} has already ended.`);
    return NextResponse.json({ [opts.noun]: view });
  });
}
