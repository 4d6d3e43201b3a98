import { NextResponse } from "next/server";
import { handle } from "@/server/http/handle";
import { getReplay } from "@/server/media/get-replay";
import { type TIdCtx, idParam } from "@/app/api/_lib/route-params";

/** The replay timeline of a show that has been on air: chat and pins with offsets from its start. */
export const GET = handle(async (_req, ctx: TIdCtx) => {
  const id = await idParam(ctx);
  return NextResponse.json(await getReplay(id));
});
