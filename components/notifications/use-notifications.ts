"use client";
import { useCallback, useEffect, useRef } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { markNotificationsRead } from "@/lib/reminders/client";
import { reminderQueries } from "@/lib/reminders/queries";
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
 * The signed-in viewer's notifications (the `["notifications"]` query), kept current by asking every 15 s
 * (and at once when the page comes back to the foreground) with the ETag held: an unchanged list costs a
 * 304. It polls in a background tab too, where a browser notification matters most. `onArrive` hears each
 * notification that arrived while this page was open (never those already there at its first load).
 */
export function useNotifications(onArrive: (fresh: TNotificationView[]) => void): TNotificationsState {
  const queryClient = useQueryClient();
  const notifications = reminderQueries.notifications();
  const query = useQuery({
    ...notifications,
    refetchInterval: NOTIFICATION_POLL_MS,
    refetchIntervalInBackground: true,
  });
  const list = query.data?.list ?? null;
  const known = useRef<Set<string> | null>(null);
  const arrive = useRef(onArrive);
  useEffect(() => {
    arrive.current = onArrive;
  });

  useEffect(() => {
    if (!list) return;
    const fresh = known.current
      ? list.notifications.filter((n) => !known.current?.has(n.id) && !n.readAt)
      : [];
    known.current = new Set(list.notifications.map((n) => n.id));
    if (fresh.length > 0) arrive.current(fresh);
  }, [list]);

  const { refetch } = query;
  const refresh = useCallback(() => void refetch({ cancelRefetch: false }), [refetch]);

  const { mutateAsync } = useMutation({
    mutationFn: markNotificationsRead,
    onSuccess: ({ unread }, input) => {
      const now = new Date().toISOString();
      const isRead = (n: TNotificationView) => input.all === true || (input.ids ?? []).includes(n.id);
      // The server's list changed: no ETag, so the next answer comes whole.
      queryClient.setQueryData(notifications.queryKey, (held) =>
        held
          ? {
              etag: null,
              list: {
                unread,
                notifications: held.list.notifications.map((n) =>
                  isRead(n) && !n.readAt ? { ...n, readAt: now } : n,
                ),
              },
            }
          : held,
      );
    },
  });
  const markRead = useCallback(
    (input: TMarkReadRequest) =>
      mutateAsync(input).then(
        () => true,
        () => false,
      ),
    [mutateAsync],
  );

  return { list, failed: query.isError, refresh, markRead };
}
