import { NextResponse } from "next/server";
import { z } from "zod";
import { handle, parseBody, parseParams } from "@/server/http/handle";
import { requireUser } from "@/server/auth/request";
import { ZDrainRequest, ZNodeIdParam, drainChatNode } from "@/server/admin/drain-chat-node";

const ZParams = z.object({ nodeId: ZNodeIdParam });

/** ADMIN: `{ draining?: true }` drains the slave (its clients move to the others), `{ draining: false }` resumes it. */
export const POST = handle(async (req, ctx: { params: Promise<{ nodeId: string }> }) => {
  const user = await requireUser("ADMIN");
  const { nodeId } = parseParams(await ctx.params, ZParams);
  const { draining } = await parseBody(req, ZDrainRequest);
  return NextResponse.json(await drainChatNode(user, nodeId, draining));
});
