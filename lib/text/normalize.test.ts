import { describe, expect, it } from "vitest";
import {
  foldForMatching,
  hasVisibleText,
  isWellFormedText,
  normalizeDisplayName,
} from "@/lib/text/normalize";

// Each function with the inputs it is asked about and what it answers for each.
const cases: [name: string, fn: (text: string) => unknown, table: [string, unknown][]][] = [
  [
    "normalizeDisplayName",
    normalizeDisplayName,
    [
      ["Ｓｅｌｌｅｒ", "Seller"],
      ["\u202eSeller\u202c", "Seller"],
      ["Sel\u200bler", "Seller"],
      ["Seller\u2066 (host)\u2069", "Seller (host)"],
      ["  Kim \n\t Minji ", "Kim Minji"],
      ["Z\u0301\u0302\u0303\u0304\u0305oe", "\u0179\u0302\u0303oe"],
      ["김민지", "김민지"],
      ["\u3164\u3164", ""],
      ["\u200b\u200d\ufeff", ""],
    ],
  ],
  [
    "hasVisibleText",
    hasVisibleText,
    [
      ...["", "   ", "\u200b\u200b", "\u202e\u2066", "\u3164", "\u2800\u2800", "\u0301\u0301", "\n\r\t"].map(
        (text): [string, boolean] => [text, false],
      ),
      ...["hi", "ㅋㅋ", "👍", "."].map((text): [string, boolean] => [text, true]),
    ],
  ],
  [
    "foldForMatching",
    foldForMatching,
    [
      ["b\u200bad", "bad"],
      ["BÁD", "bad"],
      ["b\u0430d", "bad"],
      ["ｂａｄ", "bad"],
      ["b4d", "bad"],
      ["ba\u0301\u0302d", "bad"],
      ["나쁜말", "나쁜말"],
    ],
  ],
  [
    "isWellFormedText",
    isWellFormedText,
    [
      ...["\ud800", "a\udfff", "\udfff\ud800", "x\ud83d"].map((text): [string, boolean] => [text, false]),
      ...["", "hi", "😀", "𝐌𝐢𝐧𝐚", "한국어"].map((text): [string, boolean] => [text, true]),
    ],
  ],
];

describe.each(cases)("%s", (_name, fn, table) => {
  it.each(table)("%j → %j", (text, expected) => {
    expect(fn(text)).toBe(expected);
  });
});
