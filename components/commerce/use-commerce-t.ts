import { useTranslations } from "next-intl";
import type en from "@/lib/commerce/messages/en.json";

type TMessages = typeof en;
export type TCommerceKey = Exclude<keyof TMessages, "status"> | `status.${keyof TMessages["status"]}`;
type TValues = Record<string, string | number | Date>;

/**
 * Translations of the `commerce` namespace (lib/commerce/messages/<locale>.json, merged into the app's
 * catalogs under `commerce`). Typed against our own catalog, so these components compile before the merge.
 */
export function useCommerceT(): (key: TCommerceKey, values?: TValues) => string {
  return useTranslations("commerce" as never) as unknown as (key: TCommerceKey, values?: TValues) => string;
}
