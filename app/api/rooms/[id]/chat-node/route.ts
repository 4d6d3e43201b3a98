import { NextResponse } from "next/server";
import { z } from "zod";
import { handle, parseParams } from "@/server/http/handle";
import { assignChatNode } from "@/server/chat/assign-chat-node";

export const dynamic = "force-dynamic";
const ZParams = z.object({ id: z.string().min(1).max(100) });

/** `{ nodeId, url }`: the slave a client of this show should use; `?exclude=a,b` skips nodes it found dead. */
export const GET = handle(async (req, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = parseParams(await ctx.params, ZParams);
  return NextResponse.json(await assignChatNode(id, req.nextUrl.searchParams.get("exclude")));
});
