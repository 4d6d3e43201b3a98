import { describe, expect, it } from "vitest";
import { parseShowInput } from "@/server/rooms/show-input";

const now = new Date("2026-11-26T00:00:00Z");
const valid = {
  title: "Coffee hour",
  description: "",
  scheduledAt: "2026-11-27T15:00",
  timeZone: "Asia/Seoul",
  productIds: ["a", "b"],
};

describe("parseShowInput", () => {
  it("accepts a valid show and resolves the schedule in the seller's zone", () => {
    const result = parseShowInput(valid, now, { requireFuture: true });
    expect(result.ok && result.scheduledAt.toISOString()).toBe("2026-11-27T06:00:00.000Z");
  });
  it("names each bad field with a catalog key", () => {
    const result = parseShowInput({ ...valid, title: " x ", productIds: ["a", "a"] }, now, {
      requireFuture: true,
    });
    expect(result).toEqual({
      ok: false,
      errors: { title: "titleTooShort", productIds: "duplicateProducts" },
    });
  });
  it("refuses a start in the past when asked to", () => {
    expect(
      parseShowInput({ ...valid, scheduledAt: "2026-11-25T10:00" }, now, { requireFuture: true }),
    ).toEqual({
      ok: false,
      errors: { scheduledAt: "scheduleInPast" },
    });
    expect(
      parseShowInput({ ...valid, scheduledAt: "2026-11-25T10:00" }, now, { requireFuture: false }).ok,
    ).toBe(true);
  });
  it("refuses a missing or malformed schedule and an unknown zone", () => {
    expect(parseShowInput({ ...valid, scheduledAt: "" }, now, { requireFuture: true })).toMatchObject({
      errors: { scheduledAt: "scheduleRequired" },
    });
    expect(parseShowInput({ ...valid, scheduledAt: "soon" }, now, { requireFuture: true })).toMatchObject({
      errors: { scheduledAt: "scheduleInvalid" },
    });
    expect(
      parseShowInput({ ...valid, timeZone: "Mars/Olympus" }, now, { requireFuture: true }),
    ).toMatchObject({ errors: { scheduledAt: "scheduleInvalid" } });
  });
});
