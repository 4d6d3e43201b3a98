import { z } from "zod";
import { route, ZIdParams, ZRouteId } from "@/lib/api/contract-kit";
import { ZChatSettingsPatch, ZNoticeRequest, ZSanctionRequest, ZSanctionType } from "@/lib/chat/settings";

/** Whether the change reached the chat slaves already (they apply it within 1 s either way). */
const pushed = { pushed: z.boolean() };

/** The room's seller or an ADMIN moderates its chat: settings, notices, deletions, mutes and bans. */
export const moderationContract = {
  settings: route
    .patch(
      "/rooms/{id}/chat",
      "Changes any of separation, autoSeparateAbove, slowModeSeconds, frozen, blockedWords → the new settings.",
    )
    .input(z.object({ params: ZIdParams, body: ZChatSettingsPatch }))
    .output(z.looseObject(pushed)),
  notice: route
    .post(
      "/rooms/{id}/notices",
      "Posts `{ text }` as a message of kind `notice` to every client of the room.",
      { successStatus: 201 },
    )
    .input(z.object({ params: ZIdParams, body: ZNoticeRequest }))
    .output(z.object({ message: z.looseObject({ id: z.string(), kind: z.string() }), ...pushed })),
  deleteMessage: route
    .delete("/rooms/{id}/messages/{messageId}", "Removes the message for every client.")
    .input(z.object({ params: z.object({ id: ZRouteId, messageId: z.string() }) }))
    .output(z.object({ ok: z.literal(true), id: z.string(), ...pushed })),
  sanction: route
    .post(
      "/rooms/{id}/sanctions",
      "Mutes or bans `{ userId, type, minutes? }` in this show (no minutes: until lifted).",
      { successStatus: 201 },
    )
    .input(z.object({ params: ZIdParams, body: ZSanctionRequest }))
    .output(z.object({ sanction: z.looseObject({ userId: z.string(), type: ZSanctionType }), ...pushed })),
  liftSanction: route
    .delete(
      "/rooms/{id}/sanctions/{userId}",
      "Lifts the user's mute and ban in this show (or only `?type=MUTE|BAN`).",
    )
    .input(
      z.object({
        params: z.object({ id: ZRouteId, userId: z.string().min(1).max(64) }),
        query: z.object({ type: ZSanctionType.optional() }),
      }),
    )
    .output(z.object({ ok: z.literal(true), lifted: z.number(), ...pushed })),
};
