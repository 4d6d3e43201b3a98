import { NextResponse } from "next/server";
import { z } from "zod";
import { handle, parseBody, parseParams } from "@/server/http/handle";
import { requireRoomStaff } from "@/server/auth/request";
import { ZSalesSettingsRequest } from "@/lib/commerce/show-schemas";
import { getShowSales } from "@/server/commerce/get-show-sales";
import { setSalesSettings } from "@/server/commerce/set-sales-settings";
import { type TIdCtx, idParam } from "@/app/api/_lib/route-params";

const ZQuery = z.object({ viewers: z.coerce.number().int().min(0).max(10_000_000).optional() });

/**
 * The show's seller or an ADMIN: the live sales panel. `?viewers=N` gives the current viewer count
 * (the studio has it from `room:state`); without it the chat tier is asked when wired.
 */
export const GET = handle(async (req, ctx: TIdCtx) => {
  const id = await idParam(ctx);
  const { room } = await requireRoomStaff(id);
  const { viewers } = parseParams(Object.fromEntries(req.nextUrl.searchParams), ZQuery);
  return NextResponse.json(await getShowSales(room.id, viewers ?? null), {
    headers: { "cache-control": "no-store" },
  });
});

/** `{ announcePurchases }`: the seller's "someone just bought <product>" chat messages on or off. */
export const PATCH = handle(async (req, ctx: TIdCtx) => {
  const id = await idParam(ctx);
  const { room } = await requireRoomStaff(id);
  return NextResponse.json(await setSalesSettings(room.id, await parseBody(req, ZSalesSettingsRequest)));
});
