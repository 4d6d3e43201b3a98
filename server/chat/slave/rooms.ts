import type { TRoomConfig, TRoomLive } from "@/lib/chat/node-protocol";
import { loadRoomOnce } from "@/server/chat/room-config";
import { RecentIds } from "@/server/chat/slave/recent-ids";
import { historyChanged } from "@/server/chat/slave/history-cache";

export type TSlaveRoom = {
  config: TRoomConfig;
  /** The master's last word on separation and viewers; null until it spoke (or while it never could). */
  live: TRoomLive | null;
  delivered: RecentIds;
  /** Ids delivered to the staff channel only (another group's viewer chat). */
  deliveredStaff: RecentIds;
  /** Serialized last room:state, to emit only changes. */
  lastState: string;
  /** Since when no local client is in the room (null while some are). */
  emptySince: number | null;
};

/** A room without local clients for this long is forgotten (its config reloads on the next join). */
const FORGET_EMPTY_AFTER_MS = 60_000;

/** The rooms this slave has clients in, with the config the master pushed (or the DB gave). */
export class SlaveRooms {
  private readonly rooms = new Map<string, TSlaveRoom>();
  private readonly loading = new Map<string, Promise<TSlaveRoom | null>>();

  get(roomId: string): TSlaveRoom | undefined {
    return this.rooms.get(roomId);
  }

  ids(): string[] {
    return [...this.rooms.keys()];
  }

  /** The room, loaded from the DB on first use; null when it does not exist. */
  async ensure(roomId: string): Promise<TSlaveRoom | null> {
    const known = this.rooms.get(roomId);
    if (known) return known;
    return loadRoomOnce(this.loading, roomId, (config) => this.applyConfig(config, null));
  }

  /** Applies a config from the master (with live state) or from the DB (live = null keeps the last known). */
  applyConfig(config: TRoomConfig, live: TRoomLive | null): TSlaveRoom {
    const room = this.rooms.get(config.roomId);
    if (room) {
      // Separation or the seller may have changed what a join's history holds.
      if (
        room.config.updatedAt !== config.updatedAt ||
        room.config.sellerId !== config.sellerId ||
        (live && room.live?.separated !== live.separated)
      )
        historyChanged(room);
      room.config = config;
      if (live) room.live = live;
      return room;
    }
    const created: TSlaveRoom = {
      config,
      live,
      delivered: new RecentIds(),
      deliveredStaff: new RecentIds(),
      lastState: "",
      emptySince: null,
    };
    this.rooms.set(config.roomId, created);
    return created;
  }

  /** Forgets rooms that have been empty for a while; `viewers` counts local clients. */
  sweep(viewers: (roomId: string) => number, now = Date.now()): void {
    for (const [roomId, room] of this.rooms) {
      if (viewers(roomId) > 0) room.emptySince = null;
      else if (room.emptySince === null) room.emptySince = now;
      else if (now - room.emptySince > FORGET_EMPTY_AFTER_MS) this.rooms.delete(roomId);
    }
  }
}

/**
 * Effective separation on this slave: the master's decision, or, before it ever spoke, what the settings
 * alone say (ON is on; AUTO starts off, as the master does for a fresh room).
 */
export function isSeparated(room: TSlaveRoom): boolean {
  return room.live ? room.live.separated : room.config.separation === "ON";
}
