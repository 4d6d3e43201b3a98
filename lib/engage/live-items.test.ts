import { describe, expect, it } from "vitest";
import { isNewerAuction } from "@/lib/auctions/auction-schemas";
import { isNewerGiveaway } from "@/lib/giveaways/giveaway-schemas";
import {
  currentItem,
  newerByProgress,
  SHOW_ENDED_FOR_MS,
  ZCancelLiveItemRequest,
  type TLiveItem,
} from "@/lib/engage/live-items";

type TProgress = { n: number; status: TLiveItem["status"] };

const at = (iso: string) => Date.parse(iso);
const item = (id: string, status: TLiveItem["status"], endsAt: string, endedAt: string | null = null) => ({
  id,
  roomId: "r",
  status,
  endsAt,
  endedAt,
  createdAt: "2026-12-06T00:00:00.000Z",
});

describe("the item a viewer's card shows", () => {
  it("shows the running one even when a newer one has ended", () => {
    const running = item("b", "RUNNING", "2026-12-06T01:00:00.000Z");
    const ended = item("a", "ENDED", "2026-12-06T00:30:00.000Z", "2026-12-06T00:30:00.000Z");
    expect(currentItem([ended, running], at("2026-12-06T00:31:00.000Z"))).toBe(running);
  });

  it("keeps an ended or cancelled one for two minutes after it ended, then nothing", () => {
    const ended = item("a", "CANCELLED", "2026-12-06T01:00:00.000Z", "2026-12-06T00:30:00.000Z");
    const endedAt = at("2026-12-06T00:30:00.000Z");
    expect(currentItem([ended], endedAt + SHOW_ENDED_FOR_MS - 1000)).toBe(ended);
    expect(currentItem([ended], endedAt + SHOW_ENDED_FOR_MS)).toBeNull();
  });

  it("shows nothing without items or before the browser's clock is known", () => {
    expect(currentItem([], at("2026-12-06T00:30:00.000Z"))).toBeNull();
    expect(currentItem([item("a", "ENDED", "2026-12-06T00:30:00.000Z")], null)).toBeNull();
  });
});

describe("which of two updates is newer", () => {
  const isNewer = (next: TProgress, current?: TProgress) => newerByProgress("n")(next, current);
  const running = (n: number): TProgress => ({ n, status: "RUNNING" });

  it("goes by progress while running, and an ended or cancelled one is final", () => {
    expect(isNewer(running(0), undefined)).toBe(true);
    expect(isNewer(running(4), running(3))).toBe(true);
    expect(isNewer(running(3), running(3))).toBe(false);
    expect(isNewer(running(2), running(3))).toBe(false);
    expect(isNewer({ n: 3, status: "ENDED" }, running(3))).toBe(true);
    expect(isNewer(running(9), { n: 3, status: "ENDED" })).toBe(false);
    expect(isNewer({ n: 3, status: "CANCELLED" }, { n: 3, status: "ENDED" })).toBe(false);
  });

  it("counts an auction's accepted bids and a giveaway's entrants", () => {
    const bids = (bidCount: number) => ({ bidCount, status: "RUNNING" as const });
    expect(isNewerAuction(bids(4), bids(3))).toBe(true);
    expect(isNewerAuction(bids(3), bids(4))).toBe(false);
    const entrants = (n: number) => ({ entrants: n, status: "RUNNING" as const });
    expect(isNewerGiveaway(entrants(4), entrants(3))).toBe(true);
    expect(isNewerGiveaway(entrants(3), entrants(4))).toBe(false);
  });
});

describe("an admin's cancel", () => {
  it("needs a reason of 3 to 300 characters", () => {
    for (const reason of ["  ok  ", "x", "x".repeat(301), 3, undefined])
      expect(ZCancelLiveItemRequest.safeParse({ reason }).success, JSON.stringify(reason)).toBe(false);
    expect(ZCancelLiveItemRequest.safeParse({ reason: "Counterfeit", extra: 1 }).success).toBe(false);
    expect(ZCancelLiveItemRequest.safeParse({ reason: "Counterfeit" }).success).toBe(true);
  });
});
