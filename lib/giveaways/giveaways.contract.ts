import { oc } from "@orpc/contract";
import { z } from "zod";
import { ZIdParams, ZRouteId, withHeaders } from "@/lib/api/contract-kit";
import { ZCreateGiveawayRequest } from "@/lib/giveaways/giveaway-schemas";
import { ZCancelLiveItemRequest, ZLiveItemUpdate } from "@/lib/engage/live-items";

// Loose: the console and the viewer's card read every field of the view; an output schema strips the rest.
const ZGiveaway = ZLiveItemUpdate.extend({ id: z.string(), entrants: z.number().int() });
const route = { tags: ["giveaways"], inputStructure: "detailed" } as const;

/** A show's giveaways: the list (public), started by room staff, cancelled by an ADMIN. */
export const giveawaysContract = {
  list: oc
    .route({
      ...route,
      method: "GET",
      path: "/rooms/{id}/giveaways",
      outputStructure: "detailed",
      summary:
        "The show's giveaways, newest first, and `entered`: the ids the caller entered ([] for a guest).",
    })
    .input(z.object({ params: ZIdParams }))
    .output(withHeaders(z.object({ giveaways: z.array(ZGiveaway), entered: z.array(z.string()) }))),
  start: oc
    .route({
      ...route,
      method: "POST",
      path: "/rooms/{id}/giveaways",
      successStatus: 201,
      summary: "Room staff start a giveaway → `{ giveaway }`.",
    })
    .input(z.object({ params: ZIdParams, body: ZCreateGiveawayRequest }))
    .output(z.object({ giveaway: ZGiveaway })),
  cancel: oc
    .route({
      ...route,
      method: "POST",
      path: "/rooms/{id}/giveaways/{giveawayId}/cancel",
      summary:
        "ADMIN: cancels a running giveaway with a reason (audit log `giveaway.cancel`), the unit back in stock; 409 GIVEAWAY_ENDED.",
    })
    .input(
      z.object({ params: z.object({ id: ZRouteId, giveawayId: ZRouteId }), body: ZCancelLiveItemRequest }),
    )
    .output(z.object({ giveaway: ZGiveaway })),
};
