import { describe, expect, it } from "vitest";
import { decideSeparated } from "@/server/chat/master/separation";

describe("decideSeparated", () => {
  it("follows ON and OFF whatever the viewers", () => {
    expect(decideSeparated("ON", 10, 0, false)).toBe(true);
    expect(decideSeparated("OFF", 10, 1_000_000, true)).toBe(false);
  });

  it("AUTO switches on at the threshold and off only below 80% of it", () => {
    const steps = [9, 10, 9, 8, 7, 8, 9, 10];
    let separated = false;
    const seen = steps.map((viewers) => (separated = decideSeparated("AUTO", 10, viewers, separated)));
    expect(seen).toEqual([false, true, true, true, false, false, false, true]);
  });
});
