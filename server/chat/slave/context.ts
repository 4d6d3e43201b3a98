import type { Server, Socket } from "socket.io";
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from "@/lib/chat/events";
import type { TLimitRequest, TLimitVerdict, TSlaveToMaster } from "@/lib/chat/node-protocol";
import type { TMessage } from "@/lib/chat/protocol";
import type { Logger } from "@/server/log";
import type { DeliveryBatcher } from "@/server/chat/slave/batch-delivery";
import type { UserLimits } from "@/server/chat/user-limits";
import type { GroupCommit } from "@/server/chat/slave/group-commit";
import type { SlaveRooms } from "@/server/chat/slave/rooms";
import type { NodeStats } from "@/server/metrics/node-stats";

export type TSlaveServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;
export type TClientSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;

/** The slave's side of the master link, as the operations see it. */
export interface TMasterPort {
  readonly connected: boolean;
  send(msg: TSlaveToMaster): void;
  /** Asks the master for a room's state; resolves when it arrived or after a short timeout. */
  openRoom(roomId: string): Promise<void>;
  /** Presence changed: report before the next regular heartbeat. */
  nudge(): void;
  /** A message this slave stored, for the other slaves; a tick's messages leave as one `chats`. */
  relay(message: TMessage): void;
  /** The master's verdict on a user's rate limit and slow mode; `undefined` when no master answered in time. */
  takeLimit(request: Omit<TLimitRequest, "reqId">): Promise<TLimitVerdict | undefined>;
  refundLimit(userId: string): void;
}

export type TSlaveContext = {
  io: TSlaveServer;
  log: Logger;
  nodeId: string;
  url: string;
  rooms: SlaveRooms;
  /** Per-user limits used only while no master answers (the master holds the tier-wide ones). */
  fallbackLimits: UserLimits;
  /** Stores the messages of a tick in one transaction. */
  commits: GroupCommit;
  master: TMasterPort;
  draining: boolean;
  /** INTERNAL_SECRET: verifies chat tickets. */
  secret: string;
  /** Message rates and process figures for heartbeats and /metrics. */
  stats: NodeStats;
  /** One frame per channel per tick, written once per socket. */
  batcher: DeliveryBatcher;
};

/** Socket.IO rooms of a chat room on this slave: everyone, and the seller/admins only. */
export const roomChannel = (roomId: string) => `room:${roomId}`;
export const staffChannel = (roomId: string) => `staff:${roomId}`;
