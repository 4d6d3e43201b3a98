import { queryOptions, type QueryClient } from "@tanstack/react-query";
import { getMe } from "@/lib/session/client";

/**
 * Who is looking, asked once per page load and shared by every component that needs it (no zod here: the
 * header loads it on every page). It changes only by sign-in, sign-out or a reminder, which say so.
 */
export const meQuery = queryOptions({
  queryKey: ["me"],
  queryFn: getMe,
  staleTime: Infinity,
  refetchOnWindowFocus: false,
});

/** After sign-in or sign-out: forget the answer (components fall back to what the server rendered) and ask again. */
export const forgetMe = (client: QueryClient) => client.resetQueries({ queryKey: meQuery.queryKey });

/** A reminder set or taken back on this page: every other button of the same show follows. */
export function noteReminder(client: QueryClient, roomId: string, on: boolean): void {
  client.setQueryData(meQuery.queryKey, (me) => {
    if (!me) return me;
    const others = me.remindedRoomIds.filter((id) => id !== roomId);
    return { ...me, remindedRoomIds: on ? [roomId, ...others] : others };
  });
}
