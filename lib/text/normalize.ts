/**
 * Text that people see next to each other (names, chat) must mean what it shows. Used at sign-up, in chat
 * messages on every tier and in blocked-word matching; browser and server import the same rules.
 */

/** Controls, format characters (bidi overrides and isolates, zero-width joiners, BOM), line/paragraph separators. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
/** Characters that draw nothing yet are letters or symbols to Unicode (Hangul fillers, braille blank, etc.). */
const BLANK_LOOKING = /[\u115f\u1160\u3164\uffa0\u2800\u180e\u034f]/gu;
/** More than two combining marks on one letter only stacks "zalgo" over the lines around it. */
const MARK_PILE = /(\p{M}{2})\p{M}+/gu;

/**
 * A display name as stored and shown: NFKC (full-width and styled letters become plain ones), no
 * controls, bidi or zero-width characters (a name with U+202E renders as something else), at most two
 * combining marks per letter, runs of spaces collapsed, trimmed. May return "" (then the name is refused).
 */
export function normalizeDisplayName(raw: string): string {
  return raw
    .normalize("NFKC")
    .replace(INVISIBLE, "")
    .replace(BLANK_LOOKING, "")
    .replace(MARK_PILE, "$1")
    .replace(/\s+/gu, " ")
    .trim();
}

/** A UTF-16 surrogate with no partner: with the `u` flag, paired surrogates are one code point and never match. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * True when a string is valid Unicode. JSON and Socket.IO carry lone surrogates (`"\ud800"`) that no UTF-8
 * store can hold: Prisma refused the whole statement, so one such chat line failed every message of its
 * group commit with INTERNAL (found by npm run test:hostile).
 */
export function isWellFormedText(raw: string): boolean {
  return !LONE_SURROGATE.test(raw);
}

/** True when text has something a reader can see: not only spaces, controls, zero-width or blank-looking characters. */
export function hasVisibleText(raw: string): boolean {
  return (
    raw
      .normalize("NFKC")
      .replace(INVISIBLE, "")
      .replace(BLANK_LOOKING, "")
      .replace(/[\s\p{M}]/gu, "").length > 0
  );
}

/** Letters from other scripts (and digits/symbols) that are drawn like Latin letters: "рaураl" → "paypal". */
const LOOK_ALIKES: Record<string, string> = {
  // Cyrillic
  а: "a",
  в: "b",
  е: "e",
  ё: "e",
  к: "k",
  м: "m",
  н: "h",
  о: "o",
  р: "p",
  с: "c",
  т: "t",
  у: "y",
  х: "x",
  і: "i",
  ї: "i",
  ј: "j",
  ѕ: "s",
  ԁ: "d",
  ԛ: "q",
  ԝ: "w",
  ɡ: "g",
  һ: "h",
  ӏ: "l",
  // Greek
  α: "a",
  β: "b",
  ε: "e",
  η: "n",
  ι: "i",
  κ: "k",
  ν: "v",
  ο: "o",
  ρ: "p",
  τ: "t",
  υ: "u",
  χ: "x",
  ω: "w",
  // Digits and symbols written for letters
  "0": "o",
  "1": "i",
  "3": "e",
  "4": "a",
  "5": "s",
  "7": "t",
  "@": "a",
  $: "s",
};
const LOOK_ALIKE_CLASS = new RegExp(
  `[${Object.keys(LOOK_ALIKES)
    .map((c) => (c === "$" ? "\\$" : c))
    .join("")}]`,
  "gu",
);

/**
 * The form blocked words are matched in: NFKC, lower case, invisible characters removed, combining marks
 * removed (NFKD then NFC, so Hangul syllables come back whole), look-alike letters folded to Latin. Both the
 * message and each blocked word go through it, so "b\u200Bad", "bád", "bаd" (Cyrillic а) all read "bad".
 */
export function foldForMatching(raw: string): string {
  return raw
    .normalize("NFKC")
    .toLowerCase()
    .replace(INVISIBLE, "")
    .replace(BLANK_LOOKING, "")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .normalize("NFC")
    .replace(LOOK_ALIKE_CLASS, (c) => LOOK_ALIKES[c] ?? c);
}
