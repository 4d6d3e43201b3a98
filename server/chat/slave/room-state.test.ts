import { describe, expect, it, vi } from "vitest";
import { emitRoomState, VIEWER_COUNT_INTERVAL_MS, viewersChanged } from "@/server/chat/slave/room-state";
import type { TSlaveContext } from "@/server/chat/slave/context";

/** A slave context with just what room:state needs: a room, its sockets and a recorder of emits. */
function fakeSlave() {
  const sockets = new Set<string>(["a"]);
  const emitted: { viewers: number; frozen: boolean }[] = [];
  const room = {
    config: {
      roomId: "r1",
      status: "LIVE",
      slowModeSeconds: 0,
      frozen: false,
      pinnedProductId: null,
      separation: "OFF",
      updatedAt: "1",
    },
    live: null,
    lastState: "",
  };
  // Socket "a" records every frame written to it (the viewers added below have no socket: skipped).
  const a = {
    conn: { readyState: "open", writeBuffer: [], transport: { name: "polling", perMessageDeflate: null } },
    client: {
      writeToEngine: (packets: string[]) => {
        const [, state] = JSON.parse(packets[0]!.slice(1)) as [string, { viewers: number; frozen: boolean }];
        emitted.push(state);
      },
    },
  };
  const nsp = {
    adapter: {
      rooms: new Map([["room:r1", sockets]]),
      encoder: { encode: (p: { data: unknown }) => [`2${JSON.stringify(p.data)}`] },
    },
    sockets: new Map([["a", a]]),
  };
  const ctx = {
    nodeId: "slave-1",
    master: { connected: false },
    rooms: { get: (id: string) => (id === "r1" ? room : undefined) },
    io: { sockets: nsp, of: () => nsp },
  } as unknown as TSlaveContext;
  return { ctx, room, sockets, emitted };
}

describe("emitRoomState", () => {
  it("coalesces viewer-count changes but sends settings changes at once", () => {
    vi.useFakeTimers();
    const { ctx, room, sockets, emitted } = fakeSlave();
    emitRoomState(ctx, "r1");
    expect(emitted).toHaveLength(1);

    for (let i = 0; i < 100; i++) {
      sockets.add(`viewer-${i}`);
      emitRoomState(ctx, "r1");
    }
    expect(emitted).toHaveLength(1); // 100 joins, no emit yet
    vi.advanceTimersByTime(VIEWER_COUNT_INTERVAL_MS);
    expect(emitted).toHaveLength(2);
    expect(emitted[1]!.viewers).toBe(101);

    room.config.frozen = true;
    emitRoomState(ctx, "r1");
    expect(emitted).toHaveLength(3);
    expect(emitted[2]!.frozen).toBe(true);
    vi.useRealTimers();
  });
});

describe("viewersChanged", () => {
  it("leaves joins to the pending count update, and settings still go out at once", () => {
    vi.useFakeTimers();
    const { ctx, room, sockets, emitted } = fakeSlave();
    viewersChanged(ctx, "r1");
    expect(emitted).toHaveLength(1); // the room's first state: at once

    for (let i = 0; i < 100; i++) {
      sockets.add(`viewer-${i}`);
      viewersChanged(ctx, "r1");
    }
    expect(emitted).toHaveLength(1);
    vi.advanceTimersByTime(VIEWER_COUNT_INTERVAL_MS);
    expect(emitted).toHaveLength(2);
    expect(emitted[1]!.viewers).toBe(101); // every join counted in the one update

    sockets.add("late");
    viewersChanged(ctx, "r1"); // a new update is due
    room.config.frozen = true;
    emitRoomState(ctx, "r1"); // a setting: at once, with the latest count
    expect(emitted).toHaveLength(3);
    expect(emitted[2]).toMatchObject({ frozen: true, viewers: 102 });
    vi.advanceTimersByTime(VIEWER_COUNT_INTERVAL_MS);
    expect(emitted).toHaveLength(3); // nothing left to send
    vi.useRealTimers();
  });
});
