import type en from "@/lib/i18n/messages/en.json";
import type commerceEn from "@/lib/commerce/messages/en.json";
import type { TLocale } from "@/lib/i18n/config";

// Typed message keys and locales for next-intl: a missing or misspelt key fails the typecheck.
declare module "next-intl" {
  interface AppConfig {
    Locale: TLocale;
    Messages: typeof en & { commerce: typeof commerceEn };
  }
}
