"use client";
import { useLocale, useTranslations } from "next-intl";
import { useLikeTotal } from "@/components/likes/use-like-total";

/** The show's heart total for the seller's console, live. */
export function LikeTotal({ initialTotal }: { initialTotal: number }) {
  const t = useTranslations("likes");
  const locale = useLocale();
  const total = useLikeTotal(initialTotal);
  return (
    <p className="text-sm text-zinc-700" data-testid="console-likes">
      <span aria-hidden="true">❤️ </span>
      {t("total", { count: total, formatted: new Intl.NumberFormat(locale).format(total) })}
    </p>
  );
}
