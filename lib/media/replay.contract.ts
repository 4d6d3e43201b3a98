import { z } from "zod";
import { route, ZIdParams } from "@/lib/api/contract-kit";

/** `GET /api/rooms/:id/replay` (public; the show's id or slug). */
export const replayContract = {
  get: route
    .get(
      "/rooms/{id}/replay",
      "The replay timeline of a show that has been on air: `hlsUrl`, chat `messages` and `pins` with offsets from its start, its `products`.",
    )
    .input(z.object({ params: ZIdParams }))
    // Loose: the replay page reads every field; an output schema strips what it does not list.
    .output(
      z.looseObject({
        roomId: z.string(),
        startedAt: z.string(),
        hlsUrl: z.string().nullable(),
        messages: z.array(z.looseObject({})),
        pins: z.array(z.looseObject({})),
        products: z.array(z.looseObject({})),
      }),
    ),
};
