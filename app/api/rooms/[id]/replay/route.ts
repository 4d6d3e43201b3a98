import { NextResponse } from "next/server";
import { z } from "zod";
import { handle, parseParams } from "@/server/http/handle";
import { getReplay } from "@/server/media/get-replay";

const ZParams = z.object({ id: z.string().min(1).max(100) });

/** The replay timeline of a show that has been on air: chat and pins with offsets from its start. */
export const GET = handle(async (_req, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = parseParams(await ctx.params, ZParams);
  return NextResponse.json(await getReplay(id));
});
