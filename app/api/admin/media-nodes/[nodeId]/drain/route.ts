import { NextResponse } from "next/server";
import { z } from "zod";
import { handle, parseBody, parseParams } from "@/server/http/handle";
import { requireUser } from "@/server/auth/request";
import { ZMediaDrainRequest, ZMediaNodeIdParam, drainMediaNode } from "@/server/admin/drain-media-node";

const ZParams = z.object({ nodeId: ZMediaNodeIdParam });

/** ADMIN: `{ draining?: true }` drains the media node (its shows finish, no new ones arrive), `{ draining: false }` resumes it. */
export const POST = handle(async (req, ctx: { params: Promise<{ nodeId: string }> }) => {
  const user = await requireUser("ADMIN");
  const { nodeId } = parseParams(await ctx.params, ZParams);
  const { draining } = await parseBody(req, ZMediaDrainRequest);
  return NextResponse.json(await drainMediaNode(user, nodeId, draining));
});
