import { describe, expect, it } from "vitest";
import { pickNode } from "@/server/chat/master/assign";

const node = (nodeId: string, connections: number, draining = false) => ({
  nodeId,
  url: `http://${nodeId}`,
  connections,
  draining,
});

describe("pickNode", () => {
  it("prefers the fewest connections, then the lowest node id", () => {
    expect(pickNode([node("b", 3), node("a", 5), node("c", 3)], new Set())?.nodeId).toBe("b");
  });

  it("never picks a draining slave and honours exclude while another is left", () => {
    expect(pickNode([node("a", 0, true), node("b", 9), node("c", 1)], new Set(["c"]))?.nodeId).toBe("b");
    expect(pickNode([node("a", 0, true), node("b", 9)], new Set(["b"]))?.nodeId).toBe("b");
    expect(pickNode([node("a", 0, true)], new Set())).toBeNull();
  });
});
