import { NextResponse } from "next/server";
import { handle } from "@/server/http/handle";
import { requireUser } from "@/server/auth/request";
import { listMediaNodes } from "@/server/media/nodes/media-nodes";

export const dynamic = "force-dynamic";

/** ADMIN: every media node with its state (active, draining, dead), ingest connections, live shows and last heartbeat. */
export const GET = handle(async () => {
  await requireUser("ADMIN");
  const nodes = (await listMediaNodes()).map((n) => ({
    nodeId: n.id,
    url: n.url,
    state: n.state,
    draining: n.draining,
    connections: n.connections,
    liveShows: n.liveShows,
    maxLiveShows: n.maxLiveShows,
    startedAt: n.startedAt.toISOString(),
    lastHeartbeat: n.heartbeatAt.toISOString(),
  }));
  return NextResponse.json({ nodes }, { headers: { "cache-control": "no-store" } });
});
