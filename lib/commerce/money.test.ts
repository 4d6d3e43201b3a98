import { describe, expect, it } from "vitest";
import { formatMajor, parseMajor } from "@/lib/commerce/money";

describe("money inputs", () => {
  it("reads won as whole units and dollars with cents", () => {
    expect(parseMajor("39,000", "KRW")).toBe(39000);
    expect(parseMajor("19.99", "USD")).toBe(1999);
    expect(parseMajor("5", "USD")).toBe(500);
  });
  it("refuses what is not a price", () => {
    expect(parseMajor("12.5", "KRW")).toBeNull();
    expect(parseMajor("-3", "USD")).toBeNull();
    expect(parseMajor("1.999", "USD")).toBeNull();
    expect(parseMajor("", "KRW")).toBeNull();
  });
  it("shows minor units as the input's plain number", () => {
    expect(formatMajor(39000, "KRW")).toBe("39000");
    expect(formatMajor(1999, "USD")).toBe("19.99");
  });
});
