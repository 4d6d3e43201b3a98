import { NextResponse } from "next/server";
import { handle } from "@/server/http/handle";
import { assignChatNode } from "@/server/chat/assign-chat-node";
import { type TIdCtx, idParam } from "@/app/api/_lib/route-params";

export const dynamic = "force-dynamic";

/** `{ nodeId, url }`: the slave a client of this show should use; `?exclude=a,b` skips nodes it found dead. */
export const GET = handle(async (req, ctx: TIdCtx) => {
  const id = await idParam(ctx);
  return NextResponse.json(await assignChatNode(id, req.nextUrl.searchParams.get("exclude")));
});
