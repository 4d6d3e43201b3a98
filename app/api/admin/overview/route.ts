import { NextResponse } from "next/server";
import { handle } from "@/server/http/handle";
import { requireUser } from "@/server/auth/request";
import { getOverview } from "@/server/admin/get-overview";

export const dynamic = "force-dynamic";

/** ADMIN: the live dashboard's data (summary, shows with live figures, chat nodes, last hour); polled every few seconds. */
export const GET = handle(async () => {
  await requireUser("ADMIN");
  return NextResponse.json(await getOverview(), { headers: { "cache-control": "no-store" } });
});
