import "server-only";
import { api, NO_STORE, signedIn } from "@/server/api/base";
import { existingShow } from "@/server/api/room-access";
import { ApiError } from "@/server/http/errors";
import { ChatUnavailableError, getChatStats } from "@/server/chat/control-client";
import { getOverview } from "@/server/admin/get-overview";
import { drainChatNode } from "@/server/admin/drain-chat-node";
import { drainMediaNode } from "@/server/admin/drain-media-node";
import { listMediaNodes } from "@/server/media/nodes/media-nodes";
import { listUsers } from "@/server/admin/list-users";
import { updateUser } from "@/server/admin/update-user";
import { listAudit } from "@/server/admin/list-audit";
import { listRoomSanctions } from "@/server/admin/list-room-sanctions";

/** ADMIN only, before the path, query or body is judged (as the route files did). */
const admin = signedIn("ADMIN");

/** lib/admin/admin.contract.ts, served. */
export const adminApi = {
  overview: api.admin.overview
    .use(admin)
    .handler(async () => ({ headers: NO_STORE, body: await getOverview() })),
  chatNodes: api.admin.chatNodes.use(admin).handler(async () => {
    try {
      const { master, slaves } = await getChatStats();
      return { headers: NO_STORE, body: { master, slaves } };
    } catch (err) {
      if (err instanceof ChatUnavailableError)
        throw new ApiError(503, "CHAT_UNAVAILABLE", "The chat master is unreachable.");
      throw err;
    }
  }),
  drainChatNode: api.admin.drainChatNode
    .use(admin)
    .handler(async ({ input, context }) =>
      drainChatNode(context.user, input.params.nodeId, input.body.draining),
    ),
  mediaNodes: api.admin.mediaNodes.use(admin).handler(async () => ({
    headers: NO_STORE,
    body: {
      nodes: (await listMediaNodes()).map((n) => ({
        nodeId: n.id,
        url: n.url,
        state: n.state,
        draining: n.draining,
        connections: n.connections,
        liveShows: n.liveShows,
        maxLiveShows: n.maxLiveShows,
        startedAt: n.startedAt.toISOString(),
        lastHeartbeat: n.heartbeatAt.toISOString(),
      })),
    },
  })),
  drainMediaNode: api.admin.drainMediaNode
    .use(admin)
    .handler(async ({ input, context }) =>
      drainMediaNode(context.user, input.params.nodeId, input.body.draining),
    ),
  users: api.admin.users.use(admin).handler(async ({ input }) => ({
    headers: NO_STORE,
    body: { users: await listUsers(input.query) },
  })),
  updateUser: api.admin.updateUser
    .use(admin)
    .handler(async ({ input, context }) => updateUser(context.user, input.params.id, input.body)),
  audit: api.admin.audit.use(admin).handler(async ({ input }) => ({
    headers: NO_STORE,
    body: await listAudit(input.query),
  })),
  roomSanctions: api.admin.roomSanctions.use(admin).handler(async ({ input }) => ({
    headers: NO_STORE,
    body: await listRoomSanctions(await existingShow(input.params.id)),
  })),
};
