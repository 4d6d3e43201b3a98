import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/server/pages/safe-next-path";

describe("safeNextPath: /login?next= never leaves the site", () => {
  it.each([
    "//evil.example",
    "/\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "\t//evil.example",
    "/%09/evil.example",
    "/%0a/evil.example",
    "/%5cevil.example",
    "/%2f/evil.example",
    "/%2F%2Fevil.example",
    "https://evil.example",
    "javascript:alert(1)",
    "/\u202e/evil.example",
    "/%E0%A4%A",
    // Dot segments that resolve to a protocol-relative path (found by npm run test:hostile).
    "/.//evil.example",
    "/a/..//evil.example",
    "/./%2e//evil.example",
    "",
    "x".repeat(501),
  ])("refuses %j", (value) => {
    expect(safeNextPath(value)).toBeNull();
  });

  it("refuses what is not a string", () => {
    expect(safeNextPath(["/a", "/b"])).toBeNull();
    expect(safeNextPath(undefined)).toBeNull();
  });

  it.each([
    ["/", "/"],
    ["/live/demo-live", "/live/demo-live"],
    ["/studio/demo-live?tab=chat#x", "/studio/demo-live?tab=chat#x"],
    ["/live/%ED%95%9C", "/live/%ED%95%9C"],
    ["/a/../admin", "/admin"],
  ])("keeps the same-site path %j", (value, expected) => {
    expect(safeNextPath(value)).toBe(expected);
  });
});
