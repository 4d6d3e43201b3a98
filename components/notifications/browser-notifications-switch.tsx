"use client";
import { useTranslations } from "next-intl";
import type { TBrowserNotifications } from "@/components/notifications/use-browser-notifications";

type TProps = { state: TBrowserNotifications; onTurnOn: () => Promise<void>; onTurnOff: () => void };

/** The opt-in for browser notifications: the permission prompt comes only from this button. */
export function BrowserNotificationsSwitch({ state, onTurnOn, onTurnOff }: TProps) {
  const t = useTranslations("notifications");
  if (state === "unsupported") return null;
  const link = "rounded-lg px-2 py-1 text-sm font-semibold text-brand-700 hover:bg-brand-50";
  return (
    <div className="px-2 py-1.5 text-sm text-zinc-700" data-testid="browser-notifications" data-state={state}>
      {state === "off" && (
        <div className="flex items-center justify-between gap-2">
          <span>{t("browserOffHint")}</span>
          <button type="button" onClick={() => void onTurnOn()} className={link}>
            {t("browserTurnOn")}
          </button>
        </div>
      )}
      {state === "on" && (
        <div className="flex items-center justify-between gap-2">
          <span>{t("browserOn")}</span>
          <button type="button" onClick={onTurnOff} className={link}>
            {t("browserTurnOff")}
          </button>
        </div>
      )}
      {state === "blocked" && <p>{t("browserBlocked")}</p>}
    </div>
  );
}
