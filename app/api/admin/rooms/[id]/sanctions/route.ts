import { NextResponse } from "next/server";
import { z } from "zod";
import { handle, parseParams } from "@/server/http/handle";
import { requireUser } from "@/server/auth/request";
import { notFound } from "@/server/http/errors";
import { db } from "@/server/db";
import { listRoomSanctions } from "@/server/admin/list-room-sanctions";

export const dynamic = "force-dynamic";

const ZParams = z.object({ id: z.string().min(1).max(100) });

/** ADMIN: the room's mutes and bans in force, and recent chatters (for the console's sanction form). */
export const GET = handle(async (_req, ctx: { params: Promise<{ id: string }> }) => {
  await requireUser("ADMIN");
  const { id } = parseParams(await ctx.params, ZParams);
  if (!(await db.room.findUnique({ where: { id }, select: { id: true } })))
    throw notFound("This show does not exist.");
  return NextResponse.json(await listRoomSanctions(id), { headers: { "cache-control": "no-store" } });
});
