import "server-only";
import { api } from "@/server/api/base";
import { getReplay } from "@/server/media/get-replay";

/** lib/media/replay.contract.ts, served. */
export const replay = {
  get: api.replay.get.handler(async ({ input }) => getReplay(input.params.id)),
};
