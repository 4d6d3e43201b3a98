import { describe, expect, it } from "vitest";
import {
  foldForMatching,
  hasVisibleText,
  isWellFormedText,
  normalizeDisplayName,
} from "@/lib/text/normalize";

describe("display names", () => {
  it.each([
    ["Ｓｅｌｌｅｒ", "Seller"],
    ["\u202eSeller\u202c", "Seller"],
    ["Sel\u200bler", "Seller"],
    ["Seller\u2066 (host)\u2069", "Seller (host)"],
    ["  Kim \n\t Minji ", "Kim Minji"],
    ["Z\u0301\u0302\u0303\u0304\u0305oe", "\u0179\u0302\u0303oe"],
    ["김민지", "김민지"],
    ["\u3164\u3164", ""],
    ["\u200b\u200d\ufeff", ""],
  ])("%j is shown as %j", (raw, shown) => {
    expect(normalizeDisplayName(raw)).toBe(shown);
  });
});

describe("empty-looking text", () => {
  it.each(["", "   ", "\u200b\u200b", "\u202e\u2066", "\u3164", "\u2800\u2800", "\u0301\u0301", "\n\r\t"])(
    "%j has nothing to see",
    (text) => {
      expect(hasVisibleText(text)).toBe(false);
    },
  );
  it.each(["hi", "ㅋㅋ", "👍", "."])("%j has", (text) => {
    expect(hasVisibleText(text)).toBe(true);
  });
});

describe("blocked-word folding", () => {
  it.each([
    ["b\u200bad", "bad"],
    ["BÁD", "bad"],
    ["b\u0430d", "bad"],
    ["ｂａｄ", "bad"],
    ["b4d", "bad"],
    ["ba\u0301\u0302d", "bad"],
    ["나쁜말", "나쁜말"],
  ])("%j folds to %j", (raw, folded) => {
    expect(foldForMatching(raw)).toBe(folded);
  });
});

describe("well-formed text", () => {
  it.each(["\ud800", "a\udfff", "\udfff\ud800", "x\ud83d"])("%j is not", (text) => {
    expect(isWellFormedText(text)).toBe(false);
  });
  it.each(["", "hi", "😀", "𝐌𝐢𝐧𝐚", "한국어"])("%j is", (text) => {
    expect(isWellFormedText(text)).toBe(true);
  });
});
