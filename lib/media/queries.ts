import { queryOptions } from "@tanstack/react-query";
import { getLiveInfo } from "@/lib/media/client";

export const mediaQueries = {
  /** What the studio asks of a show's ingest before going live (whether the test pattern is offered). */
  live: (roomId: string) =>
    queryOptions({ queryKey: ["shows", roomId, "live"], queryFn: () => getLiveInfo(roomId) }),
};
