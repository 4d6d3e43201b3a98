import { describe, expect, it } from "vitest";
import type { TRoomConfig } from "@/lib/chat/node-protocol";
import { checkRoomRules, findBlockedWord } from "@/server/chat/slave/check-rules";
import { RateLimiter } from "@/server/chat/rate-limit";

const config = (over: Partial<TRoomConfig> = {}): TRoomConfig => ({
  roomId: "r",
  sellerId: "seller",
  status: "LIVE",
  pinnedProductId: null,
  separation: "OFF",
  autoSeparateAbove: 100,
  slowModeSeconds: 0,
  frozen: false,
  blockedWords: [],
  sanctions: [],
  updatedAt: new Date(0).toISOString(),
  hlsUrl: null,
  startedAt: null,
  ...over,
});
const base = { userId: "u", staff: false, text: "hi", lastSentAt: undefined, now: 1_000_000 };

describe("room rules", () => {
  it("reports a ban before a mute, with its end, and ignores expired sanctions", () => {
    const until = new Date(base.now + 60_000).toISOString();
    const c = config({
      sanctions: [
        { userId: "u", type: "MUTE", until },
        { userId: "u", type: "BAN", until: null },
      ],
    });
    expect(checkRoomRules({ ...base, config: c })).toMatchObject({ code: "BANNED", until: null });
    const muted = config({ sanctions: [{ userId: "u", type: "MUTE", until }] });
    expect(checkRoomRules({ ...base, config: muted })).toMatchObject({ code: "MUTED", until });
    const expired = config({
      sanctions: [{ userId: "u", type: "MUTE", until: new Date(base.now - 1).toISOString() }],
    });
    expect(checkRoomRules({ ...base, config: expired })).toBeNull();
  });

  it("lets staff through freeze, blocked words and slow mode", () => {
    const c = config({ frozen: true, blockedWords: ["hi"], slowModeSeconds: 30 });
    expect(checkRoomRules({ ...base, config: c })?.code).toBe("FROZEN");
    expect(checkRoomRules({ ...base, config: c, staff: true, lastSentAt: base.now })).toBeNull();
  });

  it("counts slow mode down from the last accepted message", () => {
    const c = config({ slowModeSeconds: 30 });
    expect(checkRoomRules({ ...base, config: c, lastSentAt: base.now - 10_000 })).toMatchObject({
      code: "SLOW_MODE",
      retryAfterMs: 20_000,
    });
    expect(checkRoomRules({ ...base, config: c, lastSentAt: base.now - 30_000 })).toBeNull();
  });

  it("matches Latin blocked words as whole words and other scripts anywhere", () => {
    expect(findBlockedWord("Total SCAM!", ["scam"])).toBe("scam");
    expect(findBlockedWord("scampi for dinner", ["scam"])).toBeNull();
    expect(findBlockedWord("완전사기네", ["사기"])).toBe("사기");
  });
});

describe("RateLimiter", () => {
  it("allows a burst of 5, then one per second", () => {
    const rl = new RateLimiter();
    const t = 0;
    expect([1, 2, 3, 4, 5].map(() => rl.take("u", t).ok)).toEqual([true, true, true, true, true]);
    expect(rl.take("u", t)).toEqual({ ok: false, retryAfterMs: 1000 });
    expect(rl.take("u", t + 999).ok).toBe(false);
    expect(rl.take("u", t + 1000).ok).toBe(true);
    expect(rl.take("other", t).ok).toBe(true);
  });
});

describe("blocked words after normalization", () => {
  const words = ["scam", "사기"];
  it.each([
    "s\u200bcam",
    "sc\u00e0m",
    "\u0455cam",
    "ｓｃａｍ",
    "SC4M",
    "s\u00adcam",
    "buy now sc\u0430m!",
    "사\u200b기",
  ])("%j is caught", (text) => {
    expect(findBlockedWord(text, words)).not.toBeNull();
  });
  it.each(["scampi", "mascam", "ascamb"])("%j is a different word", (text) => {
    expect(findBlockedWord(text, ["scam"])).toBeNull();
  });
});
