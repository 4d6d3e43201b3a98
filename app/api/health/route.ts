import { NextResponse } from "next/server";
import { db } from "@/server/db";

export const dynamic = "force-dynamic";

/** Liveness and database reachability of the web tier. */
export async function GET() {
  const started = performance.now();
  try {
    await db.$queryRaw`SELECT 1`;
    return NextResponse.json({
      ok: true,
      role: "web",
      db: { ok: true, ms: Math.round(performance.now() - started) },
      uptimeSeconds: Math.round(process.uptime()),
    });
  } catch {
    return NextResponse.json({ ok: false, role: "web", db: { ok: false } }, { status: 503 });
  }
}
