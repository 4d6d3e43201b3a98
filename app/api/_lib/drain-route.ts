import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import type { TSessionUser } from "@/server/auth/sessions";
import { requireUser } from "@/server/auth/request";
import { handle, parseBody, parseParams } from "@/server/http/handle";

/**
 * POST `/api/admin/<tier>/:nodeId/drain` for either tier: ADMIN only (checked before anything is read),
 * then the node id and `{ draining }` body by the tier's own schemas, answered with what `drain` returns.
 */
export function drainRoute(
  ZNodeId: z.ZodType<string>,
  ZBody: z.ZodType<{ draining: boolean }>,
  drain: (actor: TSessionUser, nodeId: string, draining: boolean) => Promise<unknown>,
) {
  const ZParams = z.object({ nodeId: ZNodeId });
  return handle(async (req, ctx: { params: Promise<{ nodeId: string }> }) => {
    const user = await requireUser("ADMIN");
    const { nodeId } = parseParams(await ctx.params, ZParams);
    const { draining } = await parseBody(req, ZBody);
    return NextResponse.json(await drain(user, nodeId, draining));
  });
}
