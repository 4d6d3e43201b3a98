import { z } from "zod";
import { route, ZIdParams } from "@/lib/api/contract-kit";

/** The studio's side of a show on air (room staff; the show's id or slug). */
export const liveContract = {
  get: route
    .get(
      "/rooms/{id}/live",
      "The show's ingest as the studio sees it, asked of the media node that holds it: status, `ingestPath`, `publishing`, `stats`.",
    )
    .input(z.object({ params: ZIdParams }))
    // Loose: the studio reads every field; an output schema strips what it does not list.
    .output(
      z.looseObject({
        roomId: z.string(),
        status: z.string(),
        ingestPath: z.string(),
        publishing: z.boolean(),
      }),
    ),
  end: route
    .delete("/rooms/{id}/live", "Ends the show: the recording becomes the replay.")
    .input(z.object({ params: ZIdParams }))
    .output(
      z.looseObject({ status: z.literal("ENDED"), endedAt: z.string(), hlsUrl: z.string().nullable() }),
    ),
};
