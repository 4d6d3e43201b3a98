import { z } from "zod";
import type { TNodeStats } from "@/lib/chat/node-protocol";
import type { TMasterContext } from "@/server/chat/master/context";
import type { TActivitySample } from "@/server/chat/master/activity";
import type { TSlaveEntry } from "@/server/chat/master/registry";
import { ZNodeId } from "@/lib/admin/admin-schemas";

type TReply = { status: number; body: unknown };

export type TChatStats = {
  master: { nodeId: "master"; connections: number; rooms: number; stats: TNodeStats };
  slaves: {
    nodeId: string;
    url: string;
    connections: number;
    draining: boolean;
    rooms: number;
    lastHeartbeat: string;
    stats: TNodeStats | null;
  }[];
  rooms: {
    roomId: string;
    viewers: number;
    groups: number;
    separated: boolean;
    separation: string;
    messagesPerSec: number;
  }[];
  history: TActivitySample[];
};

const ZUserId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-zA-Z0-9_-]+$/);
const ZDrain = z.object({ draining: z.boolean().default(true) });
const ZDisconnect = z.object({
  reason: z.enum(["disabled", "role", "signout"]),
  sessionId: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});

/** Live slaves by node id as the web tier lists them (`GET /internal/nodes`), each with what `more` adds. */
export function listSlaves<T extends object>(ctx: TMasterContext, more: (s: TSlaveEntry) => T) {
  return ctx.registry
    .all()
    .map((s) => ({
      nodeId: s.nodeId,
      url: s.status.url,
      connections: s.status.connections,
      draining: s.status.draining,
      ...more(s),
    }))
    .sort((a, b) => a.nodeId.localeCompare(b.nodeId));
}

/** Everything the admin dashboard shows about the chat tier, from the master's memory. */
export function chatStats(ctx: TMasterContext): TChatStats {
  const slaves = listSlaves(ctx, (s) => ({
    rooms: s.status.rooms.length,
    lastHeartbeat: new Date(s.lastSeen).toISOString(),
    stats: s.status.stats ?? null,
  }));
  const rooms = ctx.rooms.all().map(([roomId, room]) => {
    let viewers = 0;
    for (const p of room.presence.values()) viewers += p.viewers;
    return {
      roomId,
      viewers,
      groups: room.presence.size,
      separated: room.separated,
      separation: room.config.separation,
      messagesPerSec: ctx.activity.roomRate(roomId),
    };
  });
  return {
    master: {
      nodeId: "master",
      connections: slaves.length,
      rooms: rooms.filter((r) => r.groups > 0).length,
      stats: ctx.activity.node.snapshot(),
    },
    slaves,
    rooms,
    history: ctx.activity.history(),
  };
}

/**
 * The admin's internal endpoints (INTERNAL_SECRET already checked): `GET /internal/stats`,
 * `POST /internal/nodes/:nodeId/drain`, `POST /internal/users/:userId/disconnect`. Null when not ours.
 */
export function routeAdmin(
  ctx: TMasterContext,
  method: string,
  url: URL,
  body: () => Promise<unknown>,
): Promise<TReply> | null {
  if (method === "GET" && url.pathname === "/internal/stats")
    return Promise.resolve({ status: 200, body: chatStats(ctx) });
  const drain = /^\/internal\/nodes\/([^/]+)\/drain$/.exec(url.pathname);
  if (method === "POST" && drain) return drainNode(ctx, decodeURIComponent(drain[1] ?? ""), body);
  const user = /^\/internal\/users\/([^/]+)\/disconnect$/.exec(url.pathname);
  if (method === "POST" && user) return disconnectUser(ctx, decodeURIComponent(user[1] ?? ""), body);
  return null;
}

const invalid = (message: string): TReply => ({ status: 400, body: { error: { code: "INVALID", message } } });

/**
 * Drain: the slave gets no new clients from this moment (assignments skip it), and is told to move its
 * clients; they reconnect through the web tier, which sends them elsewhere, and backfill with sinceId.
 */
async function drainNode(ctx: TMasterContext, nodeId: string, body: () => Promise<unknown>): Promise<TReply> {
  const id = ZNodeId.safeParse(nodeId);
  const parsed = ZDrain.safeParse(await body());
  if (!id.success || !parsed.success) return invalid("Expected a node id and { draining?: boolean }.");
  const { draining } = parsed.data;
  if (!ctx.registry.setDraining(id.data, draining))
    return { status: 404, body: { error: { code: "NOT_FOUND", message: "No such chat node." } } };
  ctx.registry.get(id.data)?.socket.emit("node", { type: "drain", draining });
  ctx.log.info(
    { slave: id.data, draining },
    draining ? "draining slave (admin)" : "slave takes clients again (admin)",
  );
  return { status: 200, body: { ok: true, nodeId: id.data, draining } };
}

/** Every slave ends the user's sockets (disabled account, or a new role to pick up on reconnection). */
async function disconnectUser(
  ctx: TMasterContext,
  userId: string,
  body: () => Promise<unknown>,
): Promise<TReply> {
  const id = ZUserId.safeParse(userId);
  const parsed = ZDisconnect.safeParse(await body());
  if (!id.success || !parsed.success)
    return invalid("Expected a user id and { reason: 'disabled' | 'role' | 'signout', sessionId? }.");
  const { reason, sessionId } = parsed.data;
  ctx.io.emit("node", {
    type: "user:disconnect",
    userId: id.data,
    reason,
    ...(sessionId ? { sessionId } : {}),
  });
  return { status: 200, body: { ok: true, slaves: ctx.registry.all().length } };
}
