import { NextResponse } from "next/server";
import { handle } from "@/server/http/handle";
import { listPublicRooms } from "@/server/rooms/public-room";

/** Every show: `[{ id, slug, title, status, sellerId, hlsUrl, ... }]`. */
export const GET = handle(async () => NextResponse.json(await listPublicRooms()));
