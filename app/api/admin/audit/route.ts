import { NextResponse } from "next/server";
import { handle, parseParams } from "@/server/http/handle";
import { requireUser } from "@/server/auth/request";
import { ZAuditQuery, listAudit } from "@/server/admin/list-audit";

export const dynamic = "force-dynamic";

/** ADMIN: the audit log, newest first, filtered by `action` (or a prefix ending in "."), `roomId`, `actorId`, `targetUserId`; `before` pages. */
export const GET = handle(async (req) => {
  await requireUser("ADMIN");
  const query = parseParams(Object.fromEntries(req.nextUrl.searchParams), ZAuditQuery);
  return NextResponse.json(await listAudit(query), { headers: { "cache-control": "no-store" } });
});
