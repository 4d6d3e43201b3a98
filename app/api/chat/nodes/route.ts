import { NextResponse } from "next/server";
import { handle } from "@/server/http/handle";
import { listChatNodes } from "@/server/chat/assign-chat-node";

export const dynamic = "force-dynamic";

/** The live chat slaves: `[{ nodeId, url, connections }]`; 503 CHAT_UNAVAILABLE while the master is unreachable. */
export const GET = handle(async () => NextResponse.json(await listChatNodes()));
