"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { fetchNotifications, markNotificationsRead } from "@/lib/reminders/client";
import {
  NOTIFICATION_POLL_MS,
  type TMarkReadRequest,
  type TNotificationList,
  type TNotificationView,
} from "@/lib/reminders/reminder-schemas";

export type TNotificationsState = {
  list: TNotificationList | null;
  /** The first load failed (nothing to show), or the last refresh failed (what is shown may be old). */
  failed: boolean;
  refresh: () => void;
  markRead: (input: TMarkReadRequest) => Promise<boolean>;
};

/**
 * The signed-in viewer's notifications, kept current by asking every 15 s (and at once when the page comes
 * back to the foreground) with the ETag held: an unchanged list costs a 304. `onArrive` hears each
 * notification that arrived while this page was open (never those already there at its first load).
 */
export function useNotifications(onArrive: (fresh: TNotificationView[]) => void): TNotificationsState {
  const [list, setList] = useState<TNotificationList | null>(null);
  const [failed, setFailed] = useState(false);
  const etag = useRef<string | null>(null);
  const known = useRef<Set<string> | null>(null);
  const inflight = useRef(false);
  const arrive = useRef(onArrive);
  useEffect(() => {
    arrive.current = onArrive;
  });

  const refresh = useCallback(() => {
    if (inflight.current) return;
    inflight.current = true;
    fetchNotifications(etag.current)
      .then((answer) => {
        setFailed(false);
        if (!answer) return;
        etag.current = answer.etag;
        const fresh = known.current
          ? answer.list.notifications.filter((n) => !known.current?.has(n.id) && !n.readAt)
          : [];
        known.current = new Set(answer.list.notifications.map((n) => n.id));
        setList(answer.list);
        if (fresh.length > 0) arrive.current(fresh);
      })
      .catch(() => setFailed(true))
      .finally(() => {
        inflight.current = false;
      });
  }, []);

  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, NOTIFICATION_POLL_MS);
    const onVisible = () => {
      if (document.visibilityState === "visible") refresh();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [refresh]);

  const markRead = useCallback(async (input: TMarkReadRequest) => {
    try {
      const { unread } = await markNotificationsRead(input);
      const now = new Date().toISOString();
      const isRead = (n: TNotificationView) => input.all === true || (input.ids ?? []).includes(n.id);
      setList(
        (l) =>
          l && {
            unread,
            notifications: l.notifications.map((n) => (isRead(n) && !n.readAt ? { ...n, readAt: now } : n)),
          },
      );
      etag.current = null; // the server's list changed: take the next answer whole
      return true;
    } catch {
      return false;
    }
  }, []);

  return { list, failed, refresh, markRead };
}
