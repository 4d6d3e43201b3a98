import { oc } from "@orpc/contract";
import { z } from "zod";
import { ZIdParams, ZRouteId } from "@/lib/api/contract-kit";
import { ZChatSettingsPatch, ZNoticeRequest, ZSanctionRequest, ZSanctionType } from "@/lib/chat/settings";

const route = { tags: ["chat moderation"], inputStructure: "detailed" } as const;
/** Whether the change reached the chat slaves already (they apply it within 1 s either way). */
const pushed = { pushed: z.boolean() };

/** The room's seller or an ADMIN moderates its chat: settings, notices, deletions, mutes and bans. */
export const moderationContract = {
  settings: oc
    .route({
      ...route,
      method: "PATCH",
      path: "/rooms/{id}/chat",
      summary:
        "Changes any of separation, autoSeparateAbove, slowModeSeconds, frozen, blockedWords → the new settings.",
    })
    .input(z.object({ params: ZIdParams, body: ZChatSettingsPatch }))
    .output(z.looseObject(pushed)),
  notice: oc
    .route({
      ...route,
      method: "POST",
      path: "/rooms/{id}/notices",
      successStatus: 201,
      summary: "Posts `{ text }` as a message of kind `notice` to every client of the room.",
    })
    .input(z.object({ params: ZIdParams, body: ZNoticeRequest }))
    .output(z.object({ message: z.looseObject({ id: z.string(), kind: z.string() }), ...pushed })),
  deleteMessage: oc
    .route({
      ...route,
      method: "DELETE",
      path: "/rooms/{id}/messages/{messageId}",
      summary: "Removes the message for every client.",
    })
    .input(z.object({ params: z.object({ id: ZRouteId, messageId: z.string() }) }))
    .output(z.object({ ok: z.literal(true), id: z.string(), ...pushed })),
  sanction: oc
    .route({
      ...route,
      method: "POST",
      path: "/rooms/{id}/sanctions",
      successStatus: 201,
      summary: "Mutes or bans `{ userId, type, minutes? }` in this show (no minutes: until lifted).",
    })
    .input(z.object({ params: ZIdParams, body: ZSanctionRequest }))
    .output(z.object({ sanction: z.looseObject({ userId: z.string(), type: ZSanctionType }), ...pushed })),
  liftSanction: oc
    .route({
      ...route,
      method: "DELETE",
      path: "/rooms/{id}/sanctions/{userId}",
      summary: "Lifts the user's mute and ban in this show (or only `?type=MUTE|BAN`).",
    })
    .input(
      z.object({
        params: z.object({ id: ZRouteId, userId: z.string().min(1).max(64) }),
        query: z.object({ type: ZSanctionType.optional() }),
      }),
    )
    .output(z.object({ ok: z.literal(true), lifted: z.number(), ...pushed })),
};
