import { queryOptions } from "@tanstack/react-query";
import { fetchNotifications } from "@/lib/reminders/client";
import type { TNotificationList } from "@/lib/reminders/reminder-schemas";

/** The list as last answered, with the ETag that lets the next poll cost a 304 when nothing changed. */
export type TNotificationsAnswer = { list: TNotificationList; etag: string | null };

export const reminderQueries = {
  /** The signed-in viewer's notifications; a 304 keeps the list the cache holds. */
  notifications: () =>
    queryOptions({
      queryKey: ["notifications"],
      queryFn: async ({ client, queryKey }): Promise<TNotificationsAnswer> => {
        const held = client.getQueryData<TNotificationsAnswer>(queryKey);
        const answer = await fetchNotifications(held?.etag ?? null);
        if (answer) return answer;
        if (held) return held;
        throw new Error("notifications: 304 without a list");
      },
    }),
};
