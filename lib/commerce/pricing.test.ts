import { describe, expect, it } from "vitest";
import { dealRuns, listingFacts, liveFacts, unitPrice } from "@/lib/commerce/pricing";

const t0 = Date.parse("2026-11-26T12:00:00Z");
const product = { priceMinor: 39000 };
const listing = (
  over: Partial<{ dealPriceMinor: number | null; dealStartedAt: Date | null; dealEndsAt: Date | null }> = {},
) => ({
  dealPriceMinor: 29000,
  dealStartedAt: new Date(t0),
  dealEndsAt: new Date(t0 + 60_000),
  ...over,
});

describe("the one pricing rule", () => {
  it("before a deal starts: the regular price", () => {
    expect(unitPrice(listingFacts(product, listing(), "LIVE"), t0 - 1)).toBe(39000);
    expect(unitPrice(listingFacts(product, null, "LIVE"), t0)).toBe(39000);
  });
  it("while it runs: the deal price, from its first millisecond to its last", () => {
    expect(unitPrice(listingFacts(product, listing(), "LIVE"), t0)).toBe(29000);
    expect(unitPrice(listingFacts(product, listing(), "SCHEDULED"), t0 + 59_999)).toBe(29000);
  });
  it("ended early (stopped: the deal fields cleared) and expired: the regular price", () => {
    const stopped = listing({ dealPriceMinor: null, dealStartedAt: null, dealEndsAt: null });
    expect(unitPrice(listingFacts(product, stopped, "LIVE"), t0 + 30_000)).toBe(39000);
    expect(unitPrice(listingFacts(product, listing(), "LIVE"), t0 + 60_000)).toBe(39000);
  });
  it("a deal without an end is not running (the old page showed it, the till did not charge it)", () => {
    expect(dealRuns(listingFacts(product, listing({ dealEndsAt: null }), "LIVE"), t0)).toBe(false);
  });
  it("a show that ENDED sells at the regular price even while its deal's clock runs", () => {
    expect(unitPrice(listingFacts(product, listing(), "ENDED"), t0 + 1)).toBe(39000);
  });
  it("a deal never costs more than the regular price", () => {
    expect(unitPrice(listingFacts({ priceMinor: 20000 }, listing(), "LIVE"), t0 + 1)).toBe(20000);
  });
  it("the browser's view of the same deal agrees at every moment", () => {
    const sent = {
      priceMinor: 39000,
      deal: { priceMinor: 29000, endsAt: new Date(t0 + 60_000).toISOString() },
    };
    for (const at of [t0, t0 + 30_000, t0 + 59_999, t0 + 60_000, t0 + 120_000]) {
      expect(unitPrice(liveFacts(sent, "LIVE"), at)).toBe(
        unitPrice(listingFacts(product, listing(), "LIVE"), at),
      );
    }
  });
});
