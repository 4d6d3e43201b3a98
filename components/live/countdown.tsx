"use client";
import { useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import { formatCountdown } from "@/lib/format";

function subscribe(onTick: () => void) {
  const timer = setInterval(onTick, 1000);
  return () => clearInterval(timer);
}
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** "Starts in 12:34", ticking every second. The server renders its own clock; the browser takes over. */
export function Countdown({ startsAt, serverNow }: { startsAt: string; serverNow: number }) {
  const t = useTranslations("live");
  const now = useSyncExternalStore(subscribe, nowSeconds, () => Math.floor(serverNow / 1000));
  const left = Math.floor(new Date(startsAt).getTime() / 1000) - now;
  const days = Math.floor(left / 86_400);
  const text =
    left <= 0
      ? t("startingSoon")
      : days >= 1
        ? t("startsInDays", { days, time: formatCountdown(left % 86_400) })
        : t("startsIn", { time: formatCountdown(left) });
  // The visible clock ticks; assistive tech gets the minute-level text only, so it is not read every second.
  const minutes = Math.ceil(left / 60);
  return (
    <p className="text-3xl font-black tracking-tight text-white tabular-nums sm:text-5xl">
      <time aria-hidden="true" dateTime={startsAt}>
        {text}
      </time>
      <span className="sr-only">{left <= 0 ? t("startingSoon") : t("startsInMinutes", { minutes })}</span>
    </p>
  );
}
