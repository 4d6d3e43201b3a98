"use client";
import Link from "next/link";
import { useFormatter, useNow, useTranslations } from "next-intl";
import type { TNotificationList } from "@/lib/reminders/reminder-schemas";
import { cx } from "@/components/ui/cx";

type TProps = {
  list: TNotificationList | null;
  failed: boolean;
  onRetry: () => void;
  /** The viewer followed a notification's link: it is read. */
  onOpen: (id: string) => void;
};

/** The bell's list: loading, error with retry, empty, or the notifications newest first. */
export function NotificationList({ list, failed, onRetry, onOpen }: TProps) {
  const t = useTranslations("notifications");
  const format = useFormatter();
  const now = useNow({ updateInterval: 60_000 });

  if (!list) {
    return failed ? (
      <div role="alert" className="px-2 py-4 text-sm text-zinc-700">
        <p>{t("loadFailed")}</p>
        <button type="button" onClick={onRetry} className="text-brand-700 mt-2 font-semibold underline">
          {t("retry")}
        </button>
      </div>
    ) : (
      <p className="px-2 py-4 text-sm text-zinc-600">{t("loading")}</p>
    );
  }
  return (
    <>
      {failed && <p className="px-2 pb-1 text-xs text-zinc-600">{t("stale")}</p>}
      {list.notifications.length === 0 ? (
        <div className="px-2 py-6 text-center">
          <p className="font-semibold text-zinc-900">{t("emptyTitle")}</p>
          <p className="mt-1 text-sm text-zinc-600">{t("emptyBody")}</p>
        </div>
      ) : (
        <ul className="flex flex-col">
          {list.notifications.map((n) => (
            <li key={n.id}>
              <Link
                href={`/live/${n.show.slug}`}
                onClick={() => onOpen(n.id)}
                className={cx(
                  "flex items-start gap-2 rounded-lg px-2 py-2 text-sm hover:bg-zinc-100",
                  !n.readAt && "bg-brand-50",
                )}
              >
                <span
                  aria-hidden="true"
                  className={cx(
                    "mt-1.5 size-2 shrink-0 rounded-full",
                    n.readAt ? "bg-transparent" : "bg-live",
                  )}
                />
                <span className="min-w-0 flex-1">
                  <span className="block font-semibold text-zinc-900">
                    {n.show.status === "LIVE"
                      ? t("liveTitle", { title: n.show.title })
                      : t("wentLive", { title: n.show.title })}
                  </span>
                  <span className="block text-xs text-zinc-600">
                    {!n.readAt && <span className="sr-only">{t("unread")} · </span>}
                    <time dateTime={n.createdAt}>{format.relativeTime(new Date(n.createdAt), now)}</time>
                  </span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
