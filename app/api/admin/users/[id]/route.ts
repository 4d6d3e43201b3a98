import { NextResponse } from "next/server";
import { z } from "zod";
import { handle, parseBody, parseParams } from "@/server/http/handle";
import { requireUser } from "@/server/auth/request";
import { ZUpdateUserRequest, updateUser } from "@/server/admin/update-user";

const ZParams = z.object({ id: z.string().min(1).max(64) });

/** ADMIN: `{ role?, disabled? }`. Disabling ends the user's sessions and chat sockets at once. Audited. */
export const PATCH = handle(async (req, ctx: { params: Promise<{ id: string }> }) => {
  const user = await requireUser("ADMIN");
  const { id } = parseParams(await ctx.params, ZParams);
  const body = await parseBody(req, ZUpdateUserRequest);
  return NextResponse.json(await updateUser(user, id, body));
});
