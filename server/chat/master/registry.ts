import type { Socket } from "socket.io";
import type { MasterToSlaveEvents, SlaveSocketData, SlaveToMasterEvents } from "@/lib/chat/events";
import type { TSlaveStatus } from "@/lib/chat/node-protocol";

export type TSlaveSocket = Socket<
  SlaveToMasterEvents,
  MasterToSlaveEvents,
  Record<string, never>,
  SlaveSocketData
>;

export type TSlaveEntry = {
  nodeId: string;
  socket: TSlaveSocket;
  status: TSlaveStatus;
  lastSeen: number;
  /** When clients were recently assigned here: they count as connections until they have had time to connect. */
  assignedAt: number[];
  /** Set by an admin's drain (true) or resume (false); a re-registration starts afresh. */
  drainRequested?: boolean;
};

/** An assignment counts towards a slave's load for this long (it has usually connected by then). */
const ASSIGNMENT_WEIGHT_MS = 2000;

/** Connections plus recent assignments, so a burst of assignments spreads instead of piling onto one slave. */
export function loadOf(entry: TSlaveEntry, now = Date.now()): number {
  entry.assignedAt = entry.assignedAt.filter((t) => now - t < ASSIGNMENT_WEIGHT_MS);
  return entry.status.connections + entry.assignedAt.length;
}

/** Slaves silent for longer than this are dead. */
export const SLAVE_TIMEOUT_MS = 3000;

/** Every live slave, keyed by node id; one socket per node id. */
export class SlaveRegistry {
  private readonly slaves = new Map<string, TSlaveEntry>();

  /** Registers (or re-registers) a slave; returns the socket it replaces, if any. */
  register(socket: TSlaveSocket, status: TSlaveStatus): TSlaveSocket | null {
    const previous = this.slaves.get(status.nodeId);
    this.slaves.set(status.nodeId, {
      nodeId: status.nodeId,
      socket,
      status,
      lastSeen: Date.now(),
      assignedAt: [],
    });
    return previous && previous.socket.id !== socket.id ? previous.socket : null;
  }

  heartbeat(socket: TSlaveSocket, status: TSlaveStatus): boolean {
    const entry = this.slaves.get(status.nodeId);
    if (!entry || entry.socket.id !== socket.id) return false;
    // A heartbeat sent before the slave heard of an admin's drain must not make it assignable again.
    entry.status =
      entry.drainRequested !== undefined ? { ...status, draining: entry.drainRequested } : status;
    entry.lastSeen = Date.now();
    return true;
  }

  /** Removes the slave when `socket` is still its current socket. */
  remove(nodeId: string, socketId: string): TSlaveEntry | null {
    const entry = this.slaves.get(nodeId);
    if (!entry || entry.socket.id !== socketId) return null;
    this.slaves.delete(nodeId);
    return entry;
  }

  /** Marks a slave draining (no new assignments) or not, at once; false when it is not registered. */
  setDraining(nodeId: string, draining: boolean): boolean {
    const entry = this.slaves.get(nodeId);
    if (!entry) return false;
    entry.drainRequested = draining;
    entry.status = { ...entry.status, draining };
    return true;
  }

  get(nodeId: string): TSlaveEntry | undefined {
    return this.slaves.get(nodeId);
  }

  all(): TSlaveEntry[] {
    return [...this.slaves.values()];
  }

  /** Slaves that missed their heartbeats. */
  silent(now = Date.now()): TSlaveEntry[] {
    return this.all().filter((s) => now - s.lastSeen > SLAVE_TIMEOUT_MS);
  }
}
