import type { Server, Socket } from "socket.io";
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from "@/lib/chat/events";
import type { TSlaveToMaster } from "@/lib/chat/node-protocol";
import type { Logger } from "@/server/log";
import type { RateLimiter } from "@/server/chat/slave/rate-limit";
import type { SlaveRooms } from "@/server/chat/slave/rooms";
import type { NodeStats } from "@/server/metrics/node-stats";

export type TSlaveServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type TClientSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** The slave's side of the master link, as the operations see it. */
export interface TMasterPort {
  readonly connected: boolean;
  send(msg: TSlaveToMaster): void;
  /** Asks the master for a room's state; resolves when it arrived or after a short timeout. */
  openRoom(roomId: string): Promise<void>;
  /** Presence changed: report before the next regular heartbeat. */
  nudge(): void;
}

export type TSlaveContext = {
  io: TSlaveServer;
  log: Logger;
  nodeId: string;
  url: string;
  rooms: SlaveRooms;
  limiter: RateLimiter;
  master: TMasterPort;
  draining: boolean;
  /** Message rates and process figures for heartbeats and /metrics. */
  stats: NodeStats;
};

/** Socket.IO rooms of a chat room on this slave: everyone, and the seller/admins only. */
export const roomChannel = (roomId: string) => `room:${roomId}`;
export const staffChannel = (roomId: string) => `staff:${roomId}`;
