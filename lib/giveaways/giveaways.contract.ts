import { z } from "zod";
import { detailedOutput, route, withHeaders, ZIdParams, ZRouteId } from "@/lib/api/contract-kit";
import { ZCreateGiveawayRequest } from "@/lib/giveaways/giveaway-schemas";
import { ZCancelLiveItemRequest, ZLiveItemUpdate } from "@/lib/engage/live-items";

export const ZGiveawayParams = z.object({ id: ZRouteId, giveawayId: ZRouteId });

// Loose: the console and the viewer's card read every field of the view; an output schema strips the rest.
const ZGiveaway = ZLiveItemUpdate.extend({ id: z.string(), entrants: z.number().int() });

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
  start: route
    .post("/rooms/{id}/giveaways", "Room staff start a giveaway → `{ giveaway }`.", { successStatus: 201 })
    .input(z.object({ params: ZIdParams, body: ZCreateGiveawayRequest }))
    .output(z.object({ giveaway: ZGiveaway })),
  cancel: route
    .post(
      "/rooms/{id}/giveaways/{giveawayId}/cancel",
      "ADMIN: cancels a running giveaway with a reason (audit log `giveaway.cancel`), the unit back in stock; 409 GIVEAWAY_ENDED.",
    )
    .input(z.object({ params: ZGiveawayParams, body: ZCancelLiveItemRequest }))
    .output(z.object({ giveaway: ZGiveaway })),
};
