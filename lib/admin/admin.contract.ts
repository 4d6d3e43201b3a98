import { oc } from "@orpc/contract";
import { z } from "zod";
import { ZIdParams, withHeaders } from "@/lib/api/contract-kit";
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
const route = { tags: ["admin"], inputStructure: "detailed" } as const;
const read = { ...route, method: "GET", outputStructure: "detailed" } as const;

/** The admin dashboard (ADMIN only, checked before anything the request carries): live figures, nodes, users, audit. */
export const adminContract = {
  overview: oc
    .route({
      ...read,
      path: "/admin/overview",
      summary: "The live dashboard: summary, shows with live figures, chat nodes, the last hour.",
    })
    .output(withHeaders(z.looseObject({ at: z.string() }))),
  chatNodes: oc
    .route({
      ...read,
      path: "/admin/nodes",
      summary:
        "The chat master and every slave: connections, rooms, message rates, CPU, memory, uptime, last heartbeat; 503 CHAT_UNAVAILABLE.",
    })
    .output(withHeaders(z.object({ master: z.unknown(), slaves: ZRows }))),
  drainChatNode: oc
    .route({
      ...route,
      method: "POST",
      path: "/admin/nodes/{nodeId}/drain",
      summary:
        "`{ draining?: true }` drains the slave (its clients move to the others), `{ draining: false }` resumes it.",
    })
    .input(z.object({ params: ZNodeParams, body: ZDrainRequest }))
    .output(ZDrained),
  mediaNodes: oc
    .route({
      ...read,
      path: "/admin/media-nodes",
      summary:
        "Every media node: state (active, draining, dead), ingest connections, live shows, last heartbeat.",
    })
    .output(withHeaders(z.object({ nodes: ZRows }))),
  drainMediaNode: oc
    .route({
      ...route,
      method: "POST",
      path: "/admin/media-nodes/{nodeId}/drain",
      summary:
        "`{ draining?: true }` drains the media node (its shows finish, no new ones arrive), `{ draining: false }` resumes it.",
    })
    .input(z.object({ params: ZNodeParams, body: ZDrainRequest }))
    .output(ZDrained),
  users: oc
    .route({
      ...read,
      path: "/admin/users",
      summary: "Accounts matching `q` (name or email) and `role`, newest first.",
    })
    .input(z.object({ query: ZListUsersQuery }))
    .output(withHeaders(z.object({ users: ZRows }))),
  updateUser: oc
    .route({
      ...route,
      method: "PATCH",
      path: "/admin/users/{id}",
      summary:
        "`{ role?, disabled? }`. Disabling ends the user's sessions and chat sockets at once. Audited.",
    })
    .input(z.object({ params: z.object({ id: z.string().min(1).max(64) }), body: ZUpdateUserRequest }))
    .output(z.looseObject({ id: z.string() })),
  audit: oc
    .route({
      ...read,
      path: "/admin/audit",
      summary:
        'The audit log, newest first, filtered by `action` (or a prefix ending in "."), `roomId`, `actorId`, `targetUserId`; `before` pages.',
    })
    .input(z.object({ query: ZAuditQuery }))
    .output(withHeaders(z.object({ entries: ZRows, nextBefore: z.number().nullable() }))),
  roomSanctions: oc
    .route({
      ...read,
      path: "/admin/rooms/{id}/sanctions",
      summary: "The show's mutes and bans in force, and recent chatters (for the console's sanction form).",
    })
    .input(z.object({ params: ZIdParams }))
    .output(withHeaders(z.looseObject({}))),
};
