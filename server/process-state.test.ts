import { describe, expect, it, vi } from "vitest";

describe("processWide", () => {
  it("gives two copies of a module (the server's and a route bundle's) the same state", async () => {
    const first = await import("@/server/process-state");
    vi.resetModules();
    const second = await import("@/server/process-state");
    expect(second).not.toBe(first);

    const made = first.processWide("hls-viewers", () => new Map<string, number>());
    expect(second.processWide("hls-viewers", () => new Map<string, number>())).toBe(made);

    const slot = second.processSlot<number>("payment-provider");
    slot.current = 7;
    expect(first.processSlot<number>("payment-provider").current).toBe(7);

    first.forgetProcessWide("hls-viewers");
    expect(second.processWide("hls-viewers", () => new Map<string, number>())).not.toBe(made);
    first.forgetProcessWide("payment-provider");
  });
});
