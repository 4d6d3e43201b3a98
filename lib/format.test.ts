import { describe, expect, it } from "vitest";
import { formatCountdown, formatPrice, fromDateTimeLocalValue, toDateTimeLocalValue } from "@/lib/format";

describe("formatPrice", () => {
  it("formats won for English readers with the won sign", () => {
    expect(formatPrice(39000, "KRW", "en")).toBe("₩39,000");
    expect(formatPrice(1234567, "KRW", "en-US")).toBe("₩1,234,567");
  });
  it("formats won for Korean readers with the 원 suffix", () => {
    expect(formatPrice(39000, "KRW", "ko")).toBe("39,000원");
    expect(formatPrice(0, "krw", "ko-KR")).toBe("0원");
  });
  it("treats minor units by the currency's own decimals", () => {
    expect(formatPrice(1999, "USD", "en")).toBe("$19.99");
    expect(formatPrice(500, "JPY", "en")).toBe("¥500");
    expect(formatPrice(1999, "USD", "ko")).toBe("US$19.99");
  });
  it("falls back to the code for an unknown currency instead of throwing", () => {
    expect(formatPrice(1000, "ZZZ", "en")).toMatch(/ZZZ/);
    expect(() => formatPrice(1000, "not a code", "en")).not.toThrow();
  });
});

describe("formatCountdown", () => {
  it("shows minutes and seconds under an hour", () => {
    expect(formatCountdown(754)).toBe("12:34");
    expect(formatCountdown(5)).toBe("00:05");
  });
  it("adds hours from an hour on", () => {
    expect(formatCountdown(3723)).toBe("1:02:03");
    expect(formatCountdown(86_399)).toBe("23:59:59");
  });
  it("never goes negative or fractional", () => {
    expect(formatCountdown(-10)).toBe("00:00");
    expect(formatCountdown(59.9)).toBe("00:59");
  });
});

describe("datetime-local values in a time zone", () => {
  it("round-trips an instant through the zone's wall clock", () => {
    const instant = new Date("2026-11-27T06:00:00Z");
    expect(toDateTimeLocalValue(instant, "Asia/Seoul")).toBe("2026-11-27T15:00");
    expect(toDateTimeLocalValue(instant, "UTC")).toBe("2026-11-27T06:00");
    expect(fromDateTimeLocalValue("2026-11-27T15:00", "Asia/Seoul")?.toISOString()).toBe(
      "2026-11-27T06:00:00.000Z",
    );
  });
  it("uses the offset in force on that date (daylight saving)", () => {
    expect(fromDateTimeLocalValue("2026-07-01T12:00", "America/New_York")?.toISOString()).toBe(
      "2026-07-01T16:00:00.000Z",
    );
    expect(fromDateTimeLocalValue("2026-12-01T12:00", "America/New_York")?.toISOString()).toBe(
      "2026-12-01T17:00:00.000Z",
    );
  });
  it("rejects malformed and impossible values", () => {
    expect(fromDateTimeLocalValue("", "UTC")).toBeNull();
    expect(fromDateTimeLocalValue("tomorrow", "UTC")).toBeNull();
    expect(fromDateTimeLocalValue("2026-02-30T10:00", "UTC")).toBeNull();
    expect(fromDateTimeLocalValue("2026-13-01T10:00", "UTC")).toBeNull();
    expect(fromDateTimeLocalValue("2026-01-01T24:00", "UTC")).toBeNull();
  });
});
