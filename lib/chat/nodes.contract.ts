import { oc } from "@orpc/contract";
import { z } from "zod";
import { ZIdParams } from "@/lib/api/contract-kit";

const ZNode = z.looseObject({ nodeId: z.string(), url: z.string() });
const route = { tags: ["chat"], method: "GET" } as const;

/** Which chat slave to use (public); 503 CHAT_UNAVAILABLE while the master is unreachable. */
export const chatNodesContract = {
  list: oc
    .route({
      ...route,
      path: "/chat/nodes",
      summary: "The live chat slaves: `[{ nodeId, url, connections }]`.",
    })
    .output(z.array(ZNode.extend({ connections: z.number() }))),
  forShow: oc
    .route({
      ...route,
      path: "/rooms/{id}/chat-node",
      inputStructure: "detailed",
      summary:
        "The slave a client of this show (id or slug) should use; `?exclude=a,b` skips nodes it found dead (400 INVALID otherwise).",
    })
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
