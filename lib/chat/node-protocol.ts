/**
 * Master <-> slave messages: one discriminated union per direction, handled with exhaustive switches.
 * Types only, so the browser bundle never pays for them.
 */
import type { TChatGroup, TMessage, TProductUpdate, TRoomStatus, TSeparationMode } from "@/lib/chat/protocol";
import type { TRoomEvent } from "@/lib/chat/room-events";

export type TRoomPresence = { roomId: string; viewers: number; staff: number };

/** A chat node's load, for the admin's nodes page: rates over the last few seconds, process figures. */
export type TNodeStats = {
  messagesInPerSec: number;
  messagesOutPerSec: number;
  /** Share of one core used since the previous sample (100 = one full core). */
  cpuPercent: number;
  rssBytes: number;
  heapUsedBytes: number;
  uptimeSec: number;
};

export type TSlaveStatus = {
  nodeId: string;
  url: string;
  connections: number;
  draining: boolean;
  rooms: TRoomPresence[];
  /** Absent from slaves that predate node stats. */
  stats?: TNodeStats;
};

export type TSanctionEntry = { userId: string; type: "MUTE" | "BAN"; until: string | null };

/** A room's chat settings and sanctions as stored in the DB: the master pushes it to every slave. */
export type TRoomConfig = {
  roomId: string;
  sellerId: string;
  status: TRoomStatus;
  pinnedProductId: string | null;
  separation: TSeparationMode;
  autoSeparateAbove: number;
  slowModeSeconds: number;
  frozen: boolean;
  blockedWords: string[];
  sanctions: TSanctionEntry[];
  /** The room row's last change (ISO): lets clients tell that new settings arrived. */
  updatedAt: string;
  /** The show's playlist (null before it goes live or without a recording) and when it went live (ISO). */
  hlsUrl: string | null;
  startedAt: string | null;
};

/** What only the master can know: the effective separation and the room's viewers on every slave. */
export type TRoomLive = { separated: boolean; viewers: number; groups: TChatGroup[] };

export type TSlaveToMaster =
  /** First message on every (re)connection; `lostAt` = when this slave lost the previous master link. */
  | { type: "register"; status: TSlaveStatus; lostAt: number | null }
  | { type: "heartbeat"; status: TSlaveStatus }
  /** A room got its first local client: the slave wants its config now, not at the next heartbeat. */
  | { type: "room:open"; roomId: string }
  | { type: "chat"; message: TMessage }
  /** Several stored messages (one group commit), in id order: relayed as one frame per slave. */
  | { type: "chats"; messages: TMessage[] }
  /** Asks for a per-user rate-limit token and slow-mode slot for the whole room; answered by `limit:verdict`. */
  | { type: "limit:take"; request: TLimitRequest }
  /** The message turned out to be a resend of a stored one: give the token back. */
  | { type: "limit:refund"; userId: string }
  /** An auction:update this slave decided (a bid): for the room's clients on the other slaves. */
  | { type: "room:event"; roomId: string; payload: TRoomEvent }
  /** Heart taps received since the last report, per room (coalesced, see handle-like-tap.ts). */
  | { type: "likes"; taps: { roomId: string; count: number }[] }
  /** Giveaways that took entries since the last report: the master re-counts and tells every slave. */
  | { type: "giveaways"; entered: { roomId: string; giveawayId: string }[] };

/** `reserveSlow`: the message passed every other rule, so an accepted slow-mode slot starts counting now. */
export type TLimitRequest = {
  reqId: number;
  userId: string;
  roomId: string;
  staff: boolean;
  slowModeSeconds: number;
  reserveSlow: boolean;
};
/** null = within both limits. */
export type TLimitVerdict = { code: "RATE_LIMITED" | "SLOW_MODE"; retryAfterMs: number } | null;

export type TMasterToSlave =
  | { type: "room:config"; config: TRoomConfig; live: TRoomLive }
  /** `staffOnly`: a viewer's message of another group, for the room's seller and admins only. */
  | { type: "chat"; message: TMessage; staffOnly: boolean }
  /** A batch of relayed messages for one slave, in id order, each with its own `staffOnly`. */
  | { type: "chats"; messages: { message: TMessage; staffOnly: boolean }[] }
  | { type: "limit:verdict"; reqId: number; verdict: TLimitVerdict }
  | { type: "deleted"; roomId: string; ids: string[] }
  | { type: "product"; update: TProductUpdate }
  /** Auction, like and giveaway updates for every client of the room, separated or not. */
  | { type: "room:event"; roomId: string; payload: TRoomEvent }
  /** Read from the DB what the live relay may have missed: messages of `nodeId` (null = every other node) since `since` (ms). */
  | { type: "resync"; nodeId: string | null; since: number }
  /** Admin drain: stop taking clients and move the current ones to other slaves (or take clients again). */
  | { type: "drain"; draining: boolean }
  /**
   * A user's account was disabled or their role changed: end their sockets now (they reconnect as who they
   * are now). With `sessionId` (a sign-out): only the sockets of that session.
   */
  | { type: "user:disconnect"; userId: string; reason: "disabled" | "role" | "signout"; sessionId?: string };

/** Compile-time exhaustiveness for the switches over these unions. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled message: ${JSON.stringify(value)}`);
}
