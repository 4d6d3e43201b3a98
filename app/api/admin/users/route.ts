import { NextResponse } from "next/server";
import { z } from "zod";
import { handle, parseParams } from "@/server/http/handle";
import { requireUser } from "@/server/auth/request";
import { listUsers } from "@/server/admin/list-users";

export const dynamic = "force-dynamic";

const ZQuery = z.object({
  q: z.string().max(100).optional(),
  role: z.enum(["ADMIN", "SELLER", "SHOPPER"]).optional(),
});

/** ADMIN: accounts matching `q` (name or email) and `role`, newest first. */
export const GET = handle(async (req) => {
  await requireUser("ADMIN");
  const query = parseParams(Object.fromEntries(req.nextUrl.searchParams), ZQuery);
  return NextResponse.json({ users: await listUsers(query) }, { headers: { "cache-control": "no-store" } });
});
