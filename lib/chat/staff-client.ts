import { request, settle } from "@/lib/api/request";
import type { TChatSettings, TChatSettingsPatch } from "@/lib/chat/settings";

const room = (roomId: string) => `/api/rooms/${encodeURIComponent(roomId)}`;

/** The contract's moderation endpoints, called with the page's session cookie; each settles to ok or error. */
export const staffApi = {
  settings: (roomId: string) => settle(request<{ chat: TChatSettings }>("GET", room(roomId))),
  patchSettings: (roomId: string, patch: Partial<TChatSettingsPatch>) =>
    settle(request<TChatSettings & { pushed?: boolean }>("PATCH", `${room(roomId)}/chat`, { body: patch })),
  postNotice: (roomId: string, text: string) =>
    settle(request<{ pushed?: boolean }>("POST", `${room(roomId)}/notices`, { body: { text } })),
  deleteMessage: (roomId: string, messageId: string) =>
    settle(
      request<{ pushed?: boolean }>("DELETE", `${room(roomId)}/messages/${encodeURIComponent(messageId)}`),
    ),
  sanction: (roomId: string, userId: string, type: "MUTE" | "BAN", minutes?: number) =>
    settle(
      request<{ sanction: { until: string | null }; pushed?: boolean }>("POST", `${room(roomId)}/sanctions`, {
        body: { userId, type, ...(minutes ? { minutes } : {}) },
      }),
    ),
  lift: (roomId: string, userId: string) =>
    settle(
      request<{ pushed?: boolean }>("DELETE", `${room(roomId)}/sanctions/${encodeURIComponent(userId)}`),
    ),
};
