import { describe, expect, it } from "vitest";
import { minNextBid, ZBidRequest, ZCreateAuctionRequest } from "@/lib/auctions/auction-schemas";

describe("auction rules", () => {
  it("asks for the start price first, then the leader plus the increment", () => {
    expect(minNextBid({ highestBidMinor: null, startPriceMinor: 10_000, minIncrementMinor: 500 })).toBe(
      10_000,
    );
    expect(minNextBid({ highestBidMinor: 12_000, startPriceMinor: 10_000, minIncrementMinor: 500 })).toBe(
      12_500,
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
  it("bid", () => {
    expect(ZBidRequest.safeParse({ auctionId: "a1", amountMinor: 5 }).success).toBe(true);
    for (const bad of [
      {},
      { auctionId: "a/1", amountMinor: 5 },
      { auctionId: "a1", amountMinor: 0 },
      { auctionId: "a1", amountMinor: 2e9 },
      null,
    ])
      expect(ZBidRequest.safeParse(bad).success).toBe(false);
  });
});
