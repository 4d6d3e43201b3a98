import { describe, expect, it } from "vitest";
import { SLUG_MAX, slugify, uniqueSlug } from "@/server/rooms/slug";

describe("slugify", () => {
  it("makes lower-case dashed ASCII from a title", () => {
    expect(slugify("Summer Essentials, with Mina!")).toBe("summer-essentials-with-mina");
    expect(slugify("  Mina's   Picks -- Friday  ")).toBe("minas-picks-friday");
    expect(slugify("Café crème brûlée")).toBe("cafe-creme-brulee");
  });
  it("is empty when nothing latin remains", () => {
    expect(slugify("여름 필수템 라이브")).toBe("");
    expect(slugify("!!!")).toBe("");
  });
  it("keeps latin parts of mixed titles", () => {
    expect(slugify("K-뷰티 Serum 101")).toBe("k-serum-101");
  });
  it("caps the length without a trailing dash", () => {
    const slug = slugify(`${"word ".repeat(30)}end`);
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX);
    expect(slug.endsWith("-")).toBe(false);
  });
});

describe("uniqueSlug", () => {
  const taken = (...slugs: string[]) => {
    const set = new Set(slugs);
    return (s: string) => Promise.resolve(set.has(s));
  };

  it("uses the plain slug when free", async () => {
    expect(await uniqueSlug("Coffee Hour", taken())).toBe("coffee-hour");
  });
  it("numbers duplicates from 2", async () => {
    expect(await uniqueSlug("Coffee Hour", taken("coffee-hour"))).toBe("coffee-hour-2");
    expect(await uniqueSlug("Coffee Hour", taken("coffee-hour", "coffee-hour-2", "coffee-hour-3"))).toBe(
      "coffee-hour-4",
    );
  });
  it("falls back to show-<random> for titles without latin letters", async () => {
    expect(await uniqueSlug("여름 라이브", taken(), () => "abc123")).toBe("show-abc123");
  });
  it("keeps numbered slugs within the length limit", async () => {
    const long = "x".repeat(80);
    const slug = await uniqueSlug(long, taken("x".repeat(SLUG_MAX)));
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX);
    expect(slug.endsWith("-2")).toBe(true);
  });
});
