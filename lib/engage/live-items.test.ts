import { describe, expect, it } from "vitest";
import { currentItem, SHOW_ENDED_FOR_MS, type TLiveItem } from "@/lib/engage/live-items";

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
