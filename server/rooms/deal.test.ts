import { describe, expect, it } from "vitest";
import { activeDealPrice } from "@/server/rooms/deal";
import { canManageShow } from "@/server/rooms/can-manage-show";

const now = new Date("2026-11-26T12:00:00Z");

describe("activeDealPrice", () => {
  it("is the deal price while the deal runs, open-ended or not yet over", () => {
    expect(activeDealPrice({ dealPriceMinor: 29000, dealEndsAt: null }, now)).toBe(29000);
    expect(activeDealPrice({ dealPriceMinor: 29000, dealEndsAt: new Date("2026-11-26T12:05:00Z") }, now)).toBe(29000);
  });
  it("is null without a deal or once it ended", () => {
    expect(activeDealPrice({ dealPriceMinor: null, dealEndsAt: null }, now)).toBeNull();
    expect(activeDealPrice({ dealPriceMinor: 29000, dealEndsAt: now }, now)).toBeNull();
  });
});

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
