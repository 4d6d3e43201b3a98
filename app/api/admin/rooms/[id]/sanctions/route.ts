import { NextResponse } from "next/server";
import { handle } from "@/server/http/handle";
import { requireUser } from "@/server/auth/request";
import { listRoomSanctions } from "@/server/admin/list-room-sanctions";
import { type TIdCtx, existingShowId } from "@/app/api/_lib/route-params";

export const dynamic = "force-dynamic";

/** ADMIN: the room's mutes and bans in force, and recent chatters (for the console's sanction form). */
export const GET = handle(async (_req, ctx: TIdCtx) => {
  await requireUser("ADMIN");
  const id = await existingShowId(ctx);
  return NextResponse.json(await listRoomSanctions(id), { headers: { "cache-control": "no-store" } });
});
