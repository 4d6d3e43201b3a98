/** Locales OnAir ships catalogs for. No locale in URLs: the choice lives in a cookie. */
export const locales = ["en", "ko"] as const;
export type TLocale = (typeof locales)[number];
export const defaultLocale: TLocale = "en";

/** Same cookie name next-intl's routing uses, so a later move to locale routing keeps the choice. */
export const LOCALE_COOKIE = "NEXT_LOCALE";
/** The browser's IANA time zone, written by the client so server-rendered times match the viewer's clock. */
export const TIME_ZONE_COOKIE = "onair_tz";

export function isLocale(value: unknown): value is TLocale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** Picks the best supported locale from an Accept-Language header, honouring q-values. */
export function negotiateLocale(acceptLanguage: string | null | undefined): TLocale {
  if (!acceptLanguage) return defaultLocale;
  const ranked = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.tag && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranked) {
    const base = tag.split("-")[0];
    if (isLocale(base)) return base;
  }
  return defaultLocale;
}

/** True when the runtime knows this IANA zone (guards the cookie, which anyone can set). */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== "string" || value.length === 0 || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
