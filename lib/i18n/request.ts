import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, TIME_ZONE_COOKIE, isLocale, isTimeZone, negotiateLocale } from "@/lib/i18n/config";
import en from "@/lib/i18n/messages/en.json";
import ko from "@/lib/i18n/messages/ko.json";
import commerceEn from "@/lib/commerce/messages/en.json";
import commerceKo from "@/lib/commerce/messages/ko.json";

// The shop's texts stay in their own catalogs (lib/commerce/messages) under the `commerce` namespace.
const catalogs = { en: { ...en, commerce: commerceEn }, ko: { ...ko, commerce: commerceKo } } as const;

/** The server's own zone: the fallback until the browser has told us its zone. */
const serverTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

// No locale routing: the locale comes from the NEXT_LOCALE cookie (the switcher), else Accept-Language.
export default getRequestConfig(async () => {
  const jar = await cookies();
  const fromCookie = jar.get(LOCALE_COOKIE)?.value;
  const locale = isLocale(fromCookie)
    ? fromCookie
    : negotiateLocale((await headers()).get("accept-language"));
  const zone = jar.get(TIME_ZONE_COOKIE)?.value;
  return {
    locale,
    messages: catalogs[locale],
    timeZone: isTimeZone(zone) ? zone : serverTimeZone,
  };
});
