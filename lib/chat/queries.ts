import { queryOptions } from "@tanstack/react-query";
import { getChatSettings } from "@/lib/chat/staff-client";

export const chatQueries = {
  /** Every version of a room's chat settings, for a save to write its answer into. */
  allSettings: (roomId: string) => ["chat", roomId, "settings"] as const,
  /**
   * The full settings as of `version` (room:state's `settingsUpdatedAt`): a change the chat tier announces
   * is a new key, so the form reads the settings again, and shows the last ones meanwhile.
   */
  settings: (roomId: string, version: string | number | undefined) =>
    queryOptions({
      queryKey: [...chatQueries.allSettings(roomId), { version }],
      queryFn: () => getChatSettings(roomId),
    }),
};
