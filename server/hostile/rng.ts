/**
 * The hostile suite's generator: a small seeded PRNG (mulberry32) so that a failing run can be replayed
 * with `HOSTILE_SEED=<seed>`, and the values an attacker tries first: wrong types, edge numbers, unicode
 * tricks (bidi overrides, zero-width characters, NFKC look-alikes, combining-mark piles), prototype keys,
 * oversized strings and malformed JSON texts.
 */
export class Rng {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(max: number): number {
    return Math.floor(this.next() * max);
  }

  pick<T>(list: readonly T[]): T {
    const v = list[this.int(list.length)];
    if (v === undefined) throw new Error("pick from an empty list");
    return v;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** Strings a display name, a chat line or an id should never be fooled by. */
export const TRICKY_STRINGS: readonly string[] = [
  "",
  " ",
  "\u200b\u200b\u200b",
  "\u202eevil\u202c",
  "Mina\u2019s Picks",
  "Mina's Picks\u200d",
  "\u202dMina's Picks",
  "Ｍｉｎａ'ｓ Ｐｉｃｋｓ",
  "𝐌𝐢𝐧𝐚'𝐬 𝐏𝐢𝐜𝐤𝐬",
  "OnAir Аdmin",
  "a\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301",
  "\u3164\u3164",
  "\u2800",
  "\u0000",
  "line\nbreak\r\n",
  "\u2028\u2029",
  "\ufeffbom",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  '\'; DROP TABLE "User"; --',
  "%00%2e%2e%2f",
  "../../../../etc/passwd",
  "..%2f..%2f",
  "\\\\evil.example\\x",
  "{{7*7}}${7*7}",
  "😀".repeat(300),
  "\ud800",
  "\udfff\ud800",
  "__proto__",
  "constructor",
  "a".repeat(70_000),
  "ß".repeat(40),
  "İ",
  "ﬃ",
  "𝟘𝟙𝟚",
];

export const TRICKY_NUMBERS: readonly unknown[] = [
  0,
  -1,
  -0,
  1.5,
  1e308,
  -1e308,
  2 ** 53,
  2 ** 31,
  -(2 ** 31),
  Number.MAX_SAFE_INTEGER + 2,
  "1",
  "1e3",
  "0x10",
  "NaN",
  "Infinity",
  null,
  true,
  [],
  {},
  [1],
];

/** Any JSON value of a surprising type. */
export function trickyValue(r: Rng): unknown {
  switch (r.int(6)) {
    case 0:
      return r.pick(TRICKY_STRINGS);
    case 1:
      return r.pick(TRICKY_NUMBERS);
    case 2:
      return { __proto__: { admin: true }, toString: "x", valueOf: 1 };
    case 3:
      return Array.from({ length: r.int(5) }, () => r.pick(TRICKY_STRINGS));
    case 4:
      return nested(r.int(60) + 1);
    default:
      return r.pick([null, false, true, "", 0, {}, []]);
  }
}

function nested(depth: number): unknown {
  let v: unknown = "x";
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

/** Texts that are not JSON (or are JSON a server should choke on). */
export const MALFORMED_JSON: readonly string[] = [
  "{",
  "}",
  '{"a":}',
  "{'a': 1}",
  '{"a": 1,}',
  "[1,2",
  "nul",
  '"unterminated',
  '{"a": "\\u12"}',
  '{"a": "\\ud800"}',
  "\u0000",
  "\ufeff{}",
  '{"__proto__": {"isAdmin": true}}',
  '{"constructor": {"prototype": {"x": 1}}}',
  "[".repeat(5000) + "]".repeat(5000),
  '{"a":'.repeat(3000) + "1" + "}".repeat(3000),
  "1e999999",
  "-",
  "NaN",
  '{"email": "a@b.c", "email": ["dup"]}',
];

/** Bytes that are not UTF-8. */
export const BAD_UTF8: Buffer = Buffer.from([
  0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d,
]);

/** A body for an endpoint whose valid shape is `template`: one field broken, or the whole body replaced. */
export function mutateBody(
  r: Rng,
  template: Record<string, unknown>,
): { text: string | Buffer; type: string } {
  const choice = r.int(10);
  if (choice === 0) return { text: r.pick(MALFORMED_JSON), type: "application/json" };
  if (choice === 1) return { text: BAD_UTF8, type: "application/json" };
  if (choice === 2) return { text: JSON.stringify(trickyValue(r)), type: "application/json" };
  if (choice === 3)
    return {
      text: "email=a%40b.c&password=x",
      type: r.pick(["application/x-www-form-urlencoded", "text/plain", ""]),
    };
  const body: Record<string, unknown> = { ...template };
  const keys = Object.keys(body);
  const edits = 1 + r.int(3);
  for (let i = 0; i < edits; i++) {
    if (keys.length > 0 && r.chance(0.8)) body[r.pick(keys)] = trickyValue(r);
    else
      body[r.pick(["__proto__", "constructor", "role", "isAdmin", "priceMinor", "userId", "extra"])] =
        trickyValue(r);
  }
  if (r.chance(0.1) && keys.length > 0) delete body[r.pick(keys)];
  return { text: JSON.stringify(body), type: "application/json" };
}
