import type { TRoomConfig, TRoomLive, TRoomPresence } from "@/lib/chat/node-protocol";
import { loadRoomConfig, loadRoomOnce } from "@/server/chat/room-config";
import { decideSeparated } from "@/server/chat/master/separation";

export type TMasterRoom = {
  config: TRoomConfig;
  separated: boolean;
  /** Per slave holding clients of the room: viewers and staff sockets, from heartbeats. */
  presence: Map<string, TRoomPresence>;
  /** Serialized last push, so unchanged state is not re-sent every heartbeat. */
  pushed: string;
};

/** The master's view of every room a slave holds: settings from the DB, viewers from heartbeats. */
export class RoomDirectory {
  private readonly rooms = new Map<string, TMasterRoom>();
  private readonly loading = new Map<string, Promise<TMasterRoom | null>>();

  get(roomId: string): TMasterRoom | undefined {
    return this.rooms.get(roomId);
  }

  all(): [string, TMasterRoom][] {
    return [...this.rooms.entries()];
  }

  /** The room, loaded from the DB the first time; null when it does not exist. */
  async ensure(roomId: string): Promise<TMasterRoom | null> {
    const known = this.rooms.get(roomId);
    if (known) return known;
    return loadRoomOnce(this.loading, roomId, (config) => {
      const room = this.rooms.get(roomId) ?? {
        config,
        separated: false,
        presence: new Map(),
        pushed: "",
      };
      room.separated = decideSeparated(config.separation, config.autoSeparateAbove, 0, false);
      this.rooms.set(roomId, room);
      return room;
    });
  }

  /** Re-reads settings and sanctions after the web tier changed them. */
  async reload(roomId: string): Promise<TMasterRoom | null> {
    const config = await loadRoomConfig(roomId);
    if (!config) {
      this.rooms.delete(roomId);
      return null;
    }
    const room = this.rooms.get(roomId);
    if (!room) return this.ensure(roomId);
    room.config = config;
    return room;
  }

  /** Replaces one slave's presence in every room; returns the rooms whose presence changed. */
  setPresence(nodeId: string, rooms: TRoomPresence[]): string[] {
    const changed: string[] = [];
    const reported = new Map(rooms.map((r) => [r.roomId, r]));
    for (const [roomId, room] of this.rooms) {
      const now = reported.get(roomId);
      const before = room.presence.get(nodeId);
      if (!now && before) {
        room.presence.delete(nodeId);
        changed.push(roomId);
      } else if (now && (!before || before.viewers !== now.viewers || before.staff !== now.staff)) {
        room.presence.set(nodeId, now);
        changed.push(roomId);
      }
    }
    return changed;
  }

  /** Marks a slave as holding a room before its next heartbeat says so. */
  open(nodeId: string, room: TMasterRoom): void {
    if (!room.presence.has(nodeId))
      room.presence.set(nodeId, { roomId: room.config.roomId, viewers: 0, staff: 0 });
  }

  dropNode(nodeId: string): string[] {
    return this.setPresence(nodeId, []);
  }

  /** Recomputes the effective separation (AUTO hysteresis) and the groups. */
  live(room: TMasterRoom): TRoomLive {
    const groups = [...room.presence.entries()]
      .map(([nodeId, p]) => ({ nodeId, viewers: p.viewers }))
      .sort((a, b) => a.nodeId.localeCompare(b.nodeId));
    const viewers = groups.reduce((sum, g) => sum + g.viewers, 0);
    const { separation, autoSeparateAbove } = room.config;
    room.separated = decideSeparated(separation, autoSeparateAbove, viewers, room.separated);
    return { separated: room.separated, viewers, groups };
  }
}
