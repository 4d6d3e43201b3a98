import { describe, expect, it } from "vitest";
import en from "@/lib/commerce/messages/en.json";
import ko from "@/lib/commerce/messages/ko.json";

function keys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === "object" && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe("commerce message catalogs", () => {
  it("Korean has exactly the English keys", () => {
    expect(keys(ko).sort()).toEqual(keys(en).sort());
  });
});
