import { request, settle } from "@/lib/api/request";
import type { TChatSettings, TChatSettingsPatch } from "@/lib/chat/settings";

const room = (roomId: string) => `/api/rooms/${encodeURIComponent(roomId)}`;

/** The room's full chat settings (blocked words, AUTO threshold): room:state carries only the live few. */
export const getChatSettings = async (roomId: string) =>
  (await request<{ chat: TChatSettings }>("GET", room(roomId))).chat;

/** Saves part of the chat settings; `pushed: false` when the chat tier could not be told at once. */
export const patchChatSettings = (roomId: string, patch: Partial<TChatSettingsPatch>) =>
  request<TChatSettings & { pushed?: boolean }>("PATCH", `${room(roomId)}/chat`, { body: patch });

/** Pins a notice at the top of every viewer's chat. */
export const postNotice = (roomId: string, text: string) =>
  request<{ pushed?: boolean }>("POST", `${room(roomId)}/notices`, { body: { text } });

/** The chat panel's moderation actions, called with the page's session cookie; each settles to ok or error. */
export const staffApi = {
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
