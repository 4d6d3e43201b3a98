import { describe, expect, it } from "vitest";
import { isTimeZone, negotiateLocale } from "@/lib/i18n/config";
import en from "@/lib/i18n/messages/en.json";
import ko from "@/lib/i18n/messages/ko.json";

describe("negotiateLocale", () => {
  it("picks Korean or English from Accept-Language by weight", () => {
    expect(negotiateLocale("ko-KR,ko;q=0.9,en-US;q=0.8")).toBe("ko");
    expect(negotiateLocale("en-GB,en;q=0.9")).toBe("en");
    expect(negotiateLocale("fr-FR,ko;q=0.5,en;q=0.9")).toBe("en");
    expect(negotiateLocale("fr-FR,ko;q=0.5")).toBe("ko");
  });
  it("defaults to English", () => {
    expect(negotiateLocale(null)).toBe("en");
    expect(negotiateLocale("")).toBe("en");
    expect(negotiateLocale("de,fr;q=0.8")).toBe("en");
    expect(negotiateLocale("ko;q=0")).toBe("en");
  });
});

describe("isTimeZone", () => {
  it("accepts IANA zones and refuses anything else", () => {
    expect(isTimeZone("Asia/Seoul")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isTimeZone("")).toBe(false);
    expect(isTimeZone(42)).toBe(false);
  });
});

describe("catalogs", () => {
  const keys = (obj: object, prefix = ""): string[] =>
    Object.entries(obj).flatMap(([k, v]) =>
      typeof v === "object" && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
    );
  it("Korean and English have the same keys", () => {
    expect(keys(ko).sort()).toEqual(keys(en).sort());
  });
});
