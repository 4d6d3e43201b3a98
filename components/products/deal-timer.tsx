"use client";
import { useTranslations } from "next-intl";
import { formatCountdown } from "@/lib/format";
import type { TLiveDeal } from "@/lib/commerce/live-product";
import { cx } from "@/components/ui/cx";
import { useClock } from "@/components/products/use-clock";

/** "Flash deal · Ends in 04:12", counting down by the viewer's clock (the server's clock decides the price). */
export function DealTimer({
  deal,
  tone = "light",
  compact = false,
  className,
}: {
  deal: TLiveDeal;
  tone?: "light" | "dark";
  /** Only the clock ("Ends in 04:12"): for narrow cards that already show the deal price. */
  compact?: boolean;
  className?: string;
}) {
  const t = useTranslations("commerce.live");
  const now = useClock();
  const left = now === null ? null : Math.ceil((new Date(deal.endsAt).getTime() - now) / 1000);
  if (left !== null && left <= 0) return null;
  return (
    <span
      data-testid="deal-timer"
      className={cx(
        "inline-flex w-fit items-center gap-1 rounded-full px-2 py-0.5 text-xs font-bold whitespace-nowrap tabular-nums",
        tone === "dark" ? "bg-live text-white" : "bg-rose-50 text-rose-800",
        className,
      )}
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" className="size-3.5" fill="currentColor">
        <path d="M11.3 1.1a.7.7 0 0 1 .4.8L10.6 8h4.7a.7.7 0 0 1 .5 1.2l-7 9a.7.7 0 0 1-1.2-.6L8.7 12H4.7a.7.7 0 0 1-.5-1.2l6.3-9.5a.7.7 0 0 1 .8-.2Z" />
      </svg>
      <span className={compact && left !== null ? "sr-only" : undefined}>{t("flashDeal")}</span>
      {left !== null && (
        <>
          {!compact && <span aria-hidden="true">·</span>}
          <span>{t("dealEndsIn", { time: formatCountdown(left) })}</span>
        </>
      )}
    </span>
  );
}
