import { z } from "zod";
import { detailedOutput, route, withHeaders, ZIdParams } from "@/lib/api/contract-kit";
import {
  ZAuditQuery,
  ZDrainRequest,
  ZListUsersQuery,
  ZNodeId,
  ZUpdateUserRequest,
} from "@/lib/admin/admin-schemas";

// Loose: the dashboard reads every field; an output schema strips what it does not list.
const ZRows = z.array(z.looseObject({}));
const ZNodeParams = z.object({ nodeId: ZNodeId });
const ZDrained = z.looseObject({ nodeId: z.string(), draining: z.boolean() });

/** The admin dashboard (ADMIN only, checked before anything the request carries): live figures, nodes, users, audit. */
export const adminContract = {
  overview: route
    .get(
      "/admin/overview",
      "The live dashboard: summary, shows with live figures, chat nodes, the last hour.",
      detailedOutput,
    )
    .output(withHeaders(z.looseObject({ at: z.string() }))),
  chatNodes: route
    .get(
      "/admin/nodes",
      "The chat master and every slave: connections, rooms, message rates, CPU, memory, uptime, last heartbeat; 503 CHAT_UNAVAILABLE.",
      detailedOutput,
    )
    .output(withHeaders(z.object({ master: z.unknown(), slaves: ZRows }))),
  drainChatNode: route
    .post(
      "/admin/nodes/{nodeId}/drain",
      "`{ draining?: true }` drains the slave (its clients move to the others), `{ draining: false }` resumes it.",
    )
    .input(z.object({ params: ZNodeParams, body: ZDrainRequest }))
    .output(ZDrained),
  mediaNodes: route
    .get(
      "/admin/media-nodes",
      "Every media node: state (active, draining, dead), ingest connections, live shows, last heartbeat.",
      detailedOutput,
    )
    .output(withHeaders(z.object({ nodes: ZRows }))),
  drainMediaNode: route
    .post(
      "/admin/media-nodes/{nodeId}/drain",
      "`{ draining?: true }` drains the media node (its shows finish, no new ones arrive), `{ draining: false }` resumes it.",
    )
    .input(z.object({ params: ZNodeParams, body: ZDrainRequest }))
    .output(ZDrained),
  users: route
    .get("/admin/users", "Accounts matching `q` (name or email) and `role`, newest first.", detailedOutput)
    .input(z.object({ query: ZListUsersQuery }))
    .output(withHeaders(z.object({ users: ZRows }))),
  updateUser: route
    .patch(
      "/admin/users/{id}",
      "`{ role?, disabled? }`. Disabling ends the user's sessions and chat sockets at once. Audited.",
    )
    .input(z.object({ params: z.object({ id: z.string().min(1).max(64) }), body: ZUpdateUserRequest }))
    .output(z.looseObject({ id: z.string() })),
  audit: route
    .get(
      "/admin/audit",
      'The audit log, newest first, filtered by `action` (or a prefix ending in "."), `roomId`, `actorId`, `targetUserId`; `before` pages.',
      detailedOutput,
    )
    .input(z.object({ query: ZAuditQuery }))
    .output(withHeaders(z.object({ entries: ZRows, nextBefore: z.number().nullable() }))),
  roomSanctions: route
    .get(
      "/admin/rooms/{id}/sanctions",
      "The show's mutes and bans in force, and recent chatters (for the console's sanction form).",
      detailedOutput,
    )
    .input(z.object({ params: ZIdParams }))
    .output(withHeaders(z.looseObject({}))),
};
