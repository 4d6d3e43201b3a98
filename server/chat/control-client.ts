/**
 * The web tier's (and any other tier's) way to talk to the chat master's internal endpoints.
 * Pushes never throw: they report `false` when the master is unreachable, because the change is already
 * in the DB and the slaves pick it up when the master is back (or from their own DB poll meanwhile).
 */
import { env, masterUrls } from "@/server/env";
import { createLogger } from "@/server/log";
import { INTERNAL_HEADER } from "@/server/chat/internal-auth";
import type { TProductUpdate } from "@/lib/chat/protocol";
import type { TRoomEvent } from "@/lib/chat/room-events";
import type { TChatStats } from "@/server/chat/master/admin-http";
import { roomChanged } from "@/server/rooms/room-cache";

export type TChatNode = { nodeId: string; url: string; connections: number; draining?: boolean };

export class ChatUnavailableError extends Error {
  constructor(message = "No chat node is available.") {
    super(message);
  }
}

const log = createLogger("chat:control");
const TIMEOUT_MS = 1500;
let override: { urls: string[]; secret: string } | null = null;
/** Last nodes the master listed: the fallback for assignments while it is unreachable. */
let knownNodes: TChatNode[] = [];
/** Index of the master that answered last (CHAT_MASTER_URLS): tried first next time. */
let preferred = 0;

/** Points the client at masters other than the env's (tests, tools): one `url` or several `urls`. */
export function configureControlClient(
  config: (({ url: string } | { urls: string[] }) & { secret: string }) | null,
): void {
  override = config && { urls: "urls" in config ? config.urls : [config.url], secret: config.secret };
  knownNodes = [];
  probed = null;
  preferred = 0;
}

function target(): { urls: string[]; secret: string } {
  if (override) return override;
  return { urls: masterUrls(), secret: env().INTERNAL_SECRET };
}

/**
 * One request to the active master: tries each master URL, starting with the one that answered last, and
 * skips any that is down or answers 503 STANDBY. Throws when none answered.
 */
async function call<T>(
  method: "GET" | "POST",
  path: string,
  body?: unknown,
): Promise<{ status: number; json: T }> {
  const { urls, secret } = target();
  let lastError: unknown = new Error("no master URL");
  for (let i = 0; i < urls.length; i++) {
    const index = (preferred + i) % urls.length;
    try {
      const res = await fetch(`${urls[index]}${path}`, {
        method,
        headers: {
          [INTERNAL_HEADER]: secret,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const json = (await res.json()) as T;
      if (res.status === 503 && (json as { error?: { code?: string } }).error?.code === "STANDBY") {
        lastError = new Error(`${urls[index]} is standby`);
        continue;
      }
      preferred = index;
      return { status: res.status, json };
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}

/** Live slaves (`GET /api/chat/nodes`). Throws ChatUnavailableError when the master cannot be reached. */
export async function listNodes(): Promise<TChatNode[]> {
  const json = await readMaster<TChatNode[]>("/internal/nodes", "listNodes");
  knownNodes = json;
  return json;
}

/** GETs `path` from the master: anything but a 200 is logged as `what` and thrown as ChatUnavailableError. */
async function readMaster<T>(path: string, what: string): Promise<T> {
  try {
    const { status, json } = await call<T>("GET", path);
    if (status !== 200) throw new Error(`master answered ${status}`);
    return json;
  } catch (err) {
    log.warn({ err: (err as Error).message }, `master unreachable: ${what}`);
    throw new ChatUnavailableError("The chat master is unreachable.");
  }
}

/** The slave a client of `roomId` should use, skipping `exclude` (nodes the client found dead). */
export async function assignNode(
  roomId: string,
  exclude: string[] = [],
): Promise<{ nodeId: string; url: string }> {
  const query = exclude.length > 0 ? `?exclude=${encodeURIComponent(exclude.join(","))}` : "";
  try {
    const { status, json } = await call<{ nodeId: string; url: string }>(
      "GET",
      `/internal/rooms/${encodeURIComponent(roomId)}/assign${query}`,
    );
    if (status === 200) return json;
    if (status === 503) throw new ChatUnavailableError();
    throw new Error(`master answered ${status}`);
  } catch (err) {
    if (err instanceof ChatUnavailableError) throw err;
    log.warn({ err: (err as Error).message, roomId }, "master unreachable: assigning from last known nodes");
    return assignWithoutMaster(exclude);
  }
}

/**
 * The last known slaves that still answer /health, probed at most every PROBE_TTL_MS and shared by the
 * arrivals meanwhile: in a storm while the master was unreachable each arrival probed every slave itself
 * (1,006 times in one bench:arrival run), load on the slaves exactly when the tier was short of it.
 */
const PROBE_TTL_MS = 500;
let probed: { at: number; live: Promise<TChatNode[]> } | null = null;

function liveKnownNodes(): Promise<TChatNode[]> {
  if (probed && Date.now() - probed.at < PROBE_TTL_MS) return probed.live;
  const live = Promise.all(
    knownNodes.map(async (n) => {
      try {
        const res = await fetch(`${n.url}/health`, { signal: AbortSignal.timeout(500) });
        const health = (await res.json()) as { ok?: boolean; connections?: number; draining?: boolean };
        return health.ok && !health.draining
          ? { ...n, connections: health.connections ?? n.connections }
          : null;
      } catch {
        return null;
      }
    }),
  ).then((probes) => probes.filter((n): n is TChatNode => n !== null));
  probed = { at: Date.now(), live };
  return live;
}

/** Slaves keep serving while the master is down: pick a last-known one that still answers /health. */
export async function assignWithoutMaster(exclude: string[]): Promise<{ nodeId: string; url: string }> {
  const live = (await liveKnownNodes())
    .filter((n) => !exclude.includes(n.nodeId))
    .sort((a, b) => a.connections - b.connections);
  const best = live[0];
  if (!best) throw new ChatUnavailableError();
  return { nodeId: best.nodeId, url: best.url };
}

async function push(path: string, body: unknown): Promise<boolean> {
  try {
    const { status } = await call("POST", path, body);
    if (status !== 200) log.warn({ path, status }, "master refused a push");
    return status === 200;
  } catch (err) {
    log.warn({ err: (err as Error).message, path }, "master unreachable: change stored, push deferred");
    return false;
  }
}

const roomPath = (roomId: string, action: string) =>
  `/internal/rooms/${encodeURIComponent(roomId)}/${action}`;

/**
 * Settings, sanctions, status, pin or the show itself changed in the DB: the master re-reads and pushes
 * room:state, and tells every web process to drop its cached copy (this one drops it at once).
 */
export function refreshRoom(roomId: string): Promise<boolean> {
  roomChanged(roomId);
  return push(roomPath(roomId, "refresh"), {});
}

/** A stored message (notice, system) to deliver to every client of the room. */
export const broadcastMessage = (roomId: string, messageId: string | number): Promise<boolean> =>
  push(roomPath(roomId, "messages"), { id: String(messageId) });

/** Messages removed in the DB: every slave emits chat:deleted. */
export const broadcastDeleted = (roomId: string, ids: (string | number)[]): Promise<boolean> =>
  push(roomPath(roomId, "deleted"), { ids: ids.map(String) });

/** Stock or price changed: every client of the room gets product:update. */
export function broadcastProductUpdate(
  roomId: string,
  update: Omit<TProductUpdate, "roomId">,
): Promise<boolean> {
  roomChanged(roomId);
  return push(roomPath(roomId, "broadcast"), { event: "product:update", data: update });
}

/** An auction (or other room-wide engagement event) for every client of the room on every slave, separated or not. */
export const broadcastRoomEvent = (
  roomId: string,
  body: Extract<TRoomEvent, { event: "auction:update" | "giveaway:update" }>,
): Promise<boolean> => push(roomPath(roomId, "broadcast"), body);

/** What the admin dashboard shows of the chat tier (nodes with stats, rooms, the last hour). Throws ChatUnavailableError. */
export function getChatStats(): Promise<TChatStats> {
  return readMaster<TChatStats>("/internal/stats", "getChatStats");
}

/** Drains a slave (no new clients, current ones moved elsewhere) or lets it take clients again. Null: no such node. Throws ChatUnavailableError. */
export async function drainNode(
  nodeId: string,
  draining = true,
): Promise<{ nodeId: string; draining: boolean } | null> {
  let reply: { status: number; json: { nodeId: string; draining: boolean } };
  try {
    reply = await call("POST", `/internal/nodes/${encodeURIComponent(nodeId)}/drain`, { draining });
  } catch (err) {
    log.warn({ err: (err as Error).message, nodeId }, "master unreachable: drainNode");
    throw new ChatUnavailableError("The chat master is unreachable.");
  }
  if (reply.status === 404) return null;
  if (reply.status !== 200)
    throw new ChatUnavailableError(`The chat master refused the drain (${reply.status}).`);
  return { nodeId: reply.json.nodeId, draining: reply.json.draining };
}

/** Every slave ends this user's sockets now (disabled account, changed role). False when the master was unreachable. */
export const disconnectUserSockets = (userId: string, reason: "disabled" | "role"): Promise<boolean> =>
  push(`/internal/users/${encodeURIComponent(userId)}/disconnect`, { reason });

/** Every slave ends the sockets of one session (sign-out), through the same path as disconnectUserSockets. */
export const disconnectSessionSockets = (userId: string, sessionId: string): Promise<boolean> =>
  push(`/internal/users/${encodeURIComponent(userId)}/disconnect`, { reason: "signout", sessionId });
