import type { Server } from "socket.io";
import type { MasterToSlaveEvents, SlaveSocketData, SlaveToMasterEvents } from "@/lib/chat/events";
import type { Logger } from "@/server/log";
import type { SlaveRegistry } from "@/server/chat/master/registry";
import type { RoomDirectory } from "@/server/chat/master/rooms";
import type { MasterActivity } from "@/server/chat/master/activity";
import type { TMasterRole } from "@/server/chat/master/standby";
import type { UserLimits } from "@/server/chat/user-limits";

export type TMasterServer = Server<
  SlaveToMasterEvents,
  MasterToSlaveEvents,
  Record<string, never>,
  SlaveSocketData
>;

/** Everything a master operation needs, passed explicitly instead of module globals (tests start several). */
export type TMasterContext = {
  io: TMasterServer;
  log: Logger;
  registry: SlaveRegistry;
  rooms: RoomDirectory;
  /** Rooms whose viewers changed since the last push tick. */
  dirty: Set<string>;
  /** Message rates and the last hour of viewers/messages, for the admin dashboard. */
  activity: MasterActivity;
  /** Per-user rate limit and slow mode for every slave (one budget per user, whichever slave they use). */
  limits: UserLimits;
  /** Active or standby (master lease, standby.ts). */
  role: TMasterRole;
};
