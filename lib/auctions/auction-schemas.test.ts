import { describe, expect, it } from "vitest";
import {
  isNewerAuction,
  minNextBid,
  ZBidRequest,
  ZCancelAuctionRequest,
  ZCreateAuctionRequest,
} from "@/lib/auctions/auction-schemas";

describe("auction rules", () => {
  it("asks for the start price first, then the leader plus the increment", () => {
    expect(minNextBid({ highestBidMinor: null, startPriceMinor: 10_000, minIncrementMinor: 500 })).toBe(
      10_000,
    );
    expect(minNextBid({ highestBidMinor: 12_000, startPriceMinor: 10_000, minIncrementMinor: 500 })).toBe(
      12_500,
    );
  });

  it("orders updates by bid count, and an ended or cancelled auction is final", () => {
    const running = (bidCount: number) => ({ bidCount, status: "RUNNING" as const });
    expect(isNewerAuction(running(3), undefined)).toBe(true);
    expect(isNewerAuction(running(4), running(3))).toBe(true);
    expect(isNewerAuction(running(3), running(3))).toBe(false);
    expect(isNewerAuction(running(2), running(3))).toBe(false);
    expect(isNewerAuction({ bidCount: 3, status: "ENDED" }, running(3))).toBe(true);
    expect(isNewerAuction(running(9), { bidCount: 3, status: "ENDED" })).toBe(false);
    expect(isNewerAuction({ bidCount: 3, status: "CANCELLED" }, { bidCount: 3, status: "ENDED" })).toBe(
      false,
    );
  });
});

describe("auction schemas refuse bad input", () => {
  const good = { productId: "p1", startPriceMinor: 1000, minIncrementMinor: 100, durationSeconds: 60 };
  it("create", () => {
    expect(ZCreateAuctionRequest.safeParse(good).success).toBe(true);
    for (const bad of [
      { ...good, startPriceMinor: 0 },
      { ...good, startPriceMinor: 1.5 },
      { ...good, minIncrementMinor: -1 },
      { ...good, durationSeconds: 14 },
      { ...good, durationSeconds: 3601 },
      { ...good, productId: "" },
      { ...good, startPriceMinor: "1000" },
      { ...good, extra: 1 },
    ])
      expect(ZCreateAuctionRequest.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });
  it("bid and cancel", () => {
    expect(ZBidRequest.safeParse({ auctionId: "a1", amountMinor: 5 }).success).toBe(true);
    for (const bad of [
      {},
      { auctionId: "a/1", amountMinor: 5 },
      { auctionId: "a1", amountMinor: 0 },
      { auctionId: "a1", amountMinor: 2e9 },
      null,
    ])
      expect(ZBidRequest.safeParse(bad).success).toBe(false);
    expect(ZCancelAuctionRequest.safeParse({ reason: "  ok  " }).success).toBe(false);
    expect(ZCancelAuctionRequest.safeParse({ reason: "x".repeat(301) }).success).toBe(false);
    expect(ZCancelAuctionRequest.safeParse({ reason: "Counterfeit" }).success).toBe(true);
  });
});
