import { z } from "zod";
import { detailedOutput, route, withHeaders, ZIdParams } from "@/lib/api/contract-kit";
import { ZCreateGiveawayRequest } from "@/lib/giveaways/giveaway-schemas";
import { ZLiveItemUpdate } from "@/lib/engage/live-items";
import { liveItemRoutes } from "@/lib/engage/live-item-routes";

// Loose: the console and the viewer's card read every field of the view; an output schema strips the rest.
const ZGiveaway = ZLiveItemUpdate.extend({ id: z.string(), entrants: z.number().int() });

const routes = liveItemRoutes("giveaway", ZGiveaway, ZCreateGiveawayRequest);
export const ZGiveawayParams = routes.params;

/** A show's giveaways: the list (public), started by room staff, cancelled by an ADMIN. */
export const giveawaysContract = {
  list: route
    .get(
      "/rooms/{id}/giveaways",
      "The show's giveaways, newest first, and `entered`: the ids the caller entered ([] for a guest).",
      detailedOutput,
    )
    .input(z.object({ params: ZIdParams }))
    .output(withHeaders(z.object({ giveaways: z.array(ZGiveaway), entered: z.array(z.string()) }))),
  start: routes.start,
  cancel: routes.cancel,
};
