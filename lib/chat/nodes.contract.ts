import { z } from "zod";
import { route, ZIdParams } from "@/lib/api/contract-kit";

const ZNode = z.looseObject({ nodeId: z.string(), url: z.string() });

/** Which chat slave to use (public); 503 CHAT_UNAVAILABLE while the master is unreachable. */
export const chatNodesContract = {
  list: route
    .get("/chat/nodes", "The live chat slaves: `[{ nodeId, url, connections }]`.")
    .output(z.array(ZNode.extend({ connections: z.number() }))),
  forShow: route
    .get(
      "/rooms/{id}/chat-node",
      "The slave a client of this show (id or slug) should use; `?exclude=a,b` skips nodes it found dead (400 INVALID otherwise).",
      { inputStructure: "detailed" },
    )
    .input(
      z.object({
        params: ZIdParams,
        // Read as the route file read it (the first `exclude`, server/api/chat-nodes.ts): never refused here.
        query: z.looseObject({
          exclude: z.unknown().optional().describe("Comma-separated node ids, at most 32."),
        }),
      }),
    )
    .output(ZNode),
};
