"use client";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { TNotificationView } from "@/lib/reminders/reminder-schemas";
import { BellGlyph } from "@/components/reminders/reminder-button";
import { NotificationList } from "@/components/notifications/notification-list";
import { BrowserNotificationsSwitch } from "@/components/notifications/browser-notifications-switch";
import { useNotifications } from "@/components/notifications/use-notifications";
import { useBrowserNotifications } from "@/components/notifications/use-browser-notifications";
import { cx } from "@/components/ui/cx";
import { useDismiss } from "@/components/ui/use-dismiss";

/**
 * The header's bell: unread badge, and a panel with the viewer's notifications (each links to its show),
 * "Mark all read" and the browser-notification switch. Escape or a click outside closes it and gives focus
 * back to the bell. On a phone the panel spans the screen under the header.
 */
export function NotificationBell() {
  const t = useTranslations("notifications");
  const browser = useBrowserNotifications();
  const [announcement, setAnnouncement] = useState("");
  const onArrive = useCallback(
    (fresh: TNotificationView[]) => {
      setAnnouncement(t("arrived", { title: fresh[0]?.show.title ?? "", count: fresh.length }));
      for (const n of fresh)
        browser.show(n.id, t("liveTitle", { title: n.show.title }), t("liveBody"), `/live/${n.show.slug}`);
    },
    [browser, t],
  );
  const { list, failed, refresh, markRead } = useNotifications(onArrive);
  const [open, setOpen] = useState(false);
  const [markFailed, setMarkFailed] = useState(false);
  const panelId = useId();
  const headingId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const unread = list?.unread ?? 0;

  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, root, button);
  // Opened: focus moves into the panel, so the list and its buttons come next in the tab order.
  useEffect(() => {
    if (open) panel.current?.focus();
  }, [open]);

  async function markAll() {
    setMarkFailed(!(await markRead({ all: true })));
  }

  return (
    <div ref={root} className="relative" data-testid="notification-bell" data-unread={unread}>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={unread > 0 ? t("bellUnread", { count: unread }) : t("bell")}
        onClick={() => {
          setOpen((v) => !v);
          if (!open) refresh();
        }}
        className="relative grid size-9 place-items-center rounded-full border border-zinc-300 bg-white text-zinc-800 hover:bg-zinc-50"
      >
        <BellGlyph className="size-5" />
        {unread > 0 && (
          <span
            aria-hidden="true"
            className="bg-live absolute -top-1 -right-1 grid h-5 min-w-5 place-items-center rounded-full px-1 text-[11px] font-bold text-white"
          >
            {unread > 9 ? "9+" : unread}
          </span>
        )}
      </button>
      <p role="status" className="sr-only">
        {announcement}
      </p>
      <div
        ref={panel}
        id={panelId}
        hidden={!open}
        role="region"
        aria-labelledby={headingId}
        tabIndex={-1}
        className={cx(
          "fixed inset-x-2 top-16 z-40 max-h-[calc(100dvh-5rem)] overflow-y-auto rounded-xl border border-zinc-200 bg-white p-2 shadow-lg outline-none",
          "sm:absolute sm:inset-x-auto sm:top-auto sm:right-0 sm:mt-2 sm:w-96",
        )}
      >
        <div className="flex items-center justify-between gap-2 px-2 py-1.5">
          <h2 id={headingId} className="font-bold text-zinc-950">
            {t("title")}
          </h2>
          <button
            type="button"
            onClick={() => void markAll()}
            disabled={unread === 0}
            className="text-brand-700 hover:bg-brand-50 rounded-lg px-2 py-1 text-sm font-semibold disabled:text-zinc-500 disabled:hover:bg-transparent"
          >
            {t("markAllRead")}
          </button>
        </div>
        {markFailed && (
          <p role="alert" className="px-2 pb-1 text-sm text-red-700">
            {t("markFailed")}
          </p>
        )}
        <NotificationList
          list={list}
          failed={failed}
          onRetry={refresh}
          onOpen={(id) => {
            void markRead({ ids: [id] });
            setOpen(false);
          }}
        />
        <hr className="my-1 border-zinc-200" />
        <BrowserNotificationsSwitch
          state={browser.state}
          onTurnOn={browser.turnOn}
          onTurnOff={browser.turnOff}
        />
      </div>
    </div>
  );
}
