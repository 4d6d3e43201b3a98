import { describe, expect, it } from "vitest";
import { canManageShow } from "@/server/rooms/can-manage-show";

describe("canManageShow", () => {
  const show = { sellerId: "s1" };
  it("lets the show's seller and any admin in", () => {
    expect(canManageShow({ id: "s1", role: "SELLER" }, show)).toBe(true);
    expect(canManageShow({ id: "a1", role: "ADMIN" }, show)).toBe(true);
  });
  it("keeps other sellers and shoppers out", () => {
    expect(canManageShow({ id: "s2", role: "SELLER" }, show)).toBe(false);
    expect(canManageShow({ id: "s1", role: "SHOPPER" }, show)).toBe(false);
  });
});
