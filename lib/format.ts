/** Locale-aware formatting shared by server and client components. */

const KOREAN_WON_SUFFIX = "원";

function fractionDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

/**
 * Formats a price held in integer minor units ("39000" KRW, "1999" USD cents).
 * Korean readers expect won as "39,000원"; everyone else gets the locale's currency style ("₩39,000").
 */
export function formatPrice(minor: number, currency: string, locale: string): string {
  const code = currency.toUpperCase();
  const digits = fractionDigits(code);
  const amount = minor / 10 ** digits;
  if (code === "KRW" && locale.toLowerCase().startsWith("ko")) {
    return `${new Intl.NumberFormat("ko-KR", { maximumFractionDigits: 0 }).format(amount)}${KOREAN_WON_SUFFIX}`;
  }
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency: code }).format(amount);
  } catch {
    return `${new Intl.NumberFormat(locale).format(amount)} ${code}`;
  }
}

/** "12:34" under an hour, "1:02:03" under a day, from whole seconds (never negative). */
export function formatCountdown(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${pad(minutes)}:${pad(seconds)}`;
}

/** The wall-clock parts of an instant in a time zone. */
function zonedParts(date: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour") % 24,
    minute: get("minute"),
    second: get("second"),
  };
}

/** An instant as the value of an `<input type="datetime-local">` in a zone: "2026-11-27T15:00". */
export function toDateTimeLocalValue(date: Date, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The instant a `datetime-local` value means in a zone, or null when the value is malformed.
 * A wall time skipped by a DST jump resolves to the instant just after the jump.
 */
export function fromDateTimeLocalValue(value: string, timeZone: string): Date | null {
  const m = WALL_TIME.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((v) => Number(v ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(asUtc);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null;
  // Two passes converge on the zone's offset at that wall time (offsets change at most once nearby).
  let guess = asUtc;
  for (let i = 0; i < 2; i++) {
    const p = zonedParts(new Date(guess), timeZone);
    const offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - guess;
    guess = asUtc - offset;
  }
  return new Date(guess);
}
