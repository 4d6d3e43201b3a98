import { useCallback } from "react";
import { useTranslations } from "next-intl";
import type en from "@/lib/commerce/messages/en.json";

type TMessages = typeof en;
type TLeafKey = { [K in keyof TMessages]: TMessages[K] extends string ? K : never }[keyof TMessages];
export type TCommerceKey = TLeafKey | `status.${keyof TMessages["status"]}`;
type TValues = Record<string, string | number | Date>;

/**
 * Translations of the `commerce` namespace (lib/commerce/messages/<locale>.json, merged into the app's
 * catalogs under `commerce` by lib/i18n/request.ts; keys typed through lib/i18n/global.d.ts).
 */
export function useCommerceT(): (key: TCommerceKey, values?: TValues) => string {
  const t = useTranslations("commerce");
  return useCallback((key: TCommerceKey, values?: TValues) => t(key, values), [t]);
}
