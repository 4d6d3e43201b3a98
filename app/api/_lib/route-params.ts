// Not a route: a folder starting with "_" is private to Next.js's router. What the API's route files share.
import "server-only";
import { z } from "zod";
import { parseParams } from "@/server/http/handle";

/** What Next.js hands a route under an `[id]` folder (a show, an order or a product). */
export type TIdCtx = { params: Promise<{ id: string }> };

// One rule for every `[id]` in a path: a malformed one is a 400 INVALID before anything is looked up.
const ZIdParams = z.object({ id: z.string().min(1).max(100) });

/** The route's `[id]`, validated. */
export async function idParam(ctx: TIdCtx): Promise<string> {
  return parseParams(await ctx.params, ZIdParams).id;
}
