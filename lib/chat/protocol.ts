/**
 * The chat protocol of the public contract: payload schemas (zod) and the shapes a slave sends back.
 * Browser-safe: no Node imports, so the chat panel and the servers share one definition.
 */
import { z } from "zod";
import { hasVisibleText, isWellFormedText } from "@/lib/text/normalize";

/** Contract: text is trimmed, then 1..500 characters. */
export const MAX_TEXT_LENGTH = 500;
/** Messages a join returns when the client has no `sinceId`. */
export const HISTORY_LIMIT = 50;
/** Upper bound of a backfill, so a client with a very old `sinceId` cannot make a node read the whole room. */
export const BACKFILL_LIMIT = 1000;
/** Slaves refuse larger frames at the transport (`maxHttpBufferSize`). */
export const MAX_PAYLOAD_BYTES = 16 * 1024;

export const ZRoomId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "not a room id");

/** Message ids are decimal strings on the wire; numbers are accepted from lenient clients. */
export const ZMessageId = z
  .union([
    z.string().regex(/^\d{1,15}$/, "not a message id"),
    z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  ])
  .transform((v) => Number(v));

export const ZJoinRequest = z.object({ roomId: ZRoomId, sinceId: ZMessageId.nullish() });
export type TJoinRequest = z.input<typeof ZJoinRequest>;

export const ZLeaveRequest = z.object({ roomId: ZRoomId });
export type TLeaveRequest = z.input<typeof ZLeaveRequest>;

/** Length is checked after trimming (TOO_LONG is its own code), so the schema only bounds the type. */
export const ZSendRequest = z.object({
  roomId: ZRoomId,
  // Text of only spaces, zero-width, bidi or blank-looking characters shows as an empty line: refused.
  text: z
    .string()
    .refine(isWellFormedText, "The message holds text that is not valid Unicode.")
    .refine(hasVisibleText, "The message is empty."),
  clientId: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_.:-]+$/, "letters, digits and _.:- only"),
});
export type TSendRequest = z.input<typeof ZSendRequest>;

export const CHAT_ERROR_CODES = [
  "UNAUTHENTICATED",
  "NOT_JOINED",
  "INVALID",
  "TOO_LONG",
  "RATE_LIMITED",
  "SLOW_MODE",
  "FROZEN",
  "MUTED",
  "BANNED",
  "BLOCKED_WORD",
  "NOT_FOUND",
  "INTERNAL",
  /** auction:bid: below the start price, or not above the leader by the increment. */
  "BID_TOO_LOW",
  /** auction:bid: the auction ended, was cancelled or its clock ran out. */
  "AUCTION_ENDED",
  "GIVEAWAY_ENDED",
  "NOT_ELIGIBLE",
  /** Client side only: no chat node could be reached in time. */
  "UNAVAILABLE",
] as const;
export type TChatErrorCode = (typeof CHAT_ERROR_CODES)[number];

/** `retryAfterMs` for RATE_LIMITED/SLOW_MODE countdowns; `until` (ISO, null = until lifted) for MUTED/BANNED. */
export type TChatError = {
  code: TChatErrorCode;
  message: string;
  retryAfterMs?: number;
  until?: string | null;
  fields?: Record<string, string>;
};

export type TAck<T extends object> = ({ ok: true } & T) | { ok: false; error: TChatError };

export type TRole = "ADMIN" | "SELLER" | "SHOPPER";
export type TMessageKind = "chat" | "notice" | "system";
export type TRoomStatus = "SCHEDULED" | "LIVE" | "ENDED";
export type TSeparationMode = "OFF" | "ON" | "AUTO";

/** The contract's Message. `nodeId` is the accepting slave: with separation on, the chat group. */
export type TMessage = {
  id: string;
  roomId: string;
  clientId: string;
  user: { id: string; name: string; role: TRole };
  text: string;
  kind: TMessageKind;
  createdAt: string;
  nodeId: string;
};

export type TChatGroup = { nodeId: string; viewers: number };

/** The contract's room:state, plus fields the chat panel uses (group, groups, separation, degraded). */
export type TRoomState = {
  roomId: string;
  status: TRoomStatus;
  separated: boolean;
  slowModeSeconds: number;
  frozen: boolean;
  viewers: number;
  pinnedProductId: string | null;
  /** OFF | ON | AUTO as set by the seller; `separated` is the effective result. */
  separation: TSeparationMode;
  /** This slave's node id: the client's chat group when separated. */
  group: string;
  /** 1-based position of `group` in `groups` ("chat group 2 of 4"). */
  groupIndex: number;
  groupCount: number;
  groups: TChatGroup[];
  /** True while this slave cannot reach the master: local chat works, other groups do not arrive live. */
  degraded: boolean;
  /** When the room's settings last changed (ISO); changes with every PATCH of the chat settings. */
  settingsUpdatedAt: string;
  /**
   * The show's playlist as `GET /api/rooms/:id` gives it (null before it goes live, or an ended show without
   * a recording) and when it went live: a page follows the show from this event, without reading the room.
   */
  hlsUrl: string | null;
  startedAt: string | null;
};

/** Sent to a signed-in user's own sockets when they are muted or banned in a room (or it is lifted). */
export type TRestriction = {
  roomId: string;
  mute: { until: string | null } | null;
  ban: { until: string | null } | null;
};

export type TDeleted = { roomId: string; ids: string[] };
export type TProductUpdate = {
  roomId: string;
  productId: string;
  stock: number;
  price: number;
  [extra: string]: unknown;
};

export type TJoinAck = TAck<{ nodeId: string; separated: boolean; history: TMessage[]; state: TRoomState }>;
export type TLeaveAck = TAck<{ roomId: string }>;
export type TSendAck = TAck<{ message: TMessage }>;
