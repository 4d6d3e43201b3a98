import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import type { TSessionUser } from "@/server/auth/sessions";
import { requireUser } from "@/server/auth/request";
import { handle, parseBody, parseParams } from "@/server/http/handle";
import { ZNodeId } from "@/server/env";

const ZParams = z.object({ nodeId: ZNodeId });
/** `{ draining: false }` lets the node take clients or shows again. */
const ZDrainRequest = z.strictObject({ draining: z.boolean().default(true) });

/**
 * POST `/api/admin/<tier>/:nodeId/drain` for either tier: ADMIN only (checked before anything is read),
 * then the node id and `{ draining }` body, answered with what `drain` returns.
 */
export function drainRoute(
  drain: (actor: TSessionUser, nodeId: string, draining: boolean) => Promise<unknown>,
) {
  return handle(async (req, ctx: { params: Promise<{ nodeId: string }> }) => {
    const user = await requireUser("ADMIN");
    const { nodeId } = parseParams(await ctx.params, ZParams);
    const { draining } = await parseBody(req, ZDrainRequest);
    return NextResponse.json(await drain(user, nodeId, draining));
  });
}
