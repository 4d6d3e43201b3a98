import { NextResponse } from "next/server";
import { handle, parseBody } from "@/server/http/handle";
import { currentUser, requireRoomStaff } from "@/server/auth/request";
import { ZCreateGiveawayRequest } from "@/lib/giveaways/giveaway-schemas";
import { createGiveaway } from "@/server/giveaways/create-giveaway";
import { listGiveaways } from "@/server/giveaways/list-giveaways";
import { type TIdCtx, existingShowId, idParam } from "@/app/api/_lib/route-params";

/** The show's giveaways, newest first `{ giveaways, entered }` (`entered`: ids the caller entered; [] for guests). */
export const GET = handle(async (_req, ctx: TIdCtx) => {
  const id = await existingShowId(ctx);
  const user = await currentUser();
  return NextResponse.json(await listGiveaways(id, user?.id ?? null), {
    headers: { "cache-control": "no-store" },
  });
});

/** The show's seller or an ADMIN starts a giveaway → 201 `{ giveaway }`. */
export const POST = handle(async (req, ctx: TIdCtx) => {
  const id = await idParam(ctx);
  const { user, room } = await requireRoomStaff(id);
  const giveaway = await createGiveaway(user.id, room.id, await parseBody(req, ZCreateGiveawayRequest));
  return NextResponse.json({ giveaway }, { status: 201 });
});
