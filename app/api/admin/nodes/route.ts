import { NextResponse } from "next/server";
import { handle } from "@/server/http/handle";
import { requireUser } from "@/server/auth/request";
import { ApiError } from "@/server/http/errors";
import { ChatUnavailableError, getChatStats } from "@/server/chat/control-client";

export const dynamic = "force-dynamic";

/** ADMIN: the master and every slave with connections, rooms, message rates, CPU, memory, uptime, last heartbeat. */
export const GET = handle(async () => {
  await requireUser("ADMIN");
  try {
    const { master, slaves } = await getChatStats();
    return NextResponse.json({ master, slaves }, { headers: { "cache-control": "no-store" } });
  } catch (err) {
    if (err instanceof ChatUnavailableError)
      throw new ApiError(503, "CHAT_UNAVAILABLE", "The chat master is unreachable.");
    throw err;
  }
});
