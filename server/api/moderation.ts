import "server-only";
import { api } from "@/server/api/base";
import { roomStaff } from "@/server/api/room-access";
import { notFound } from "@/server/http/errors";
import { updateChatSettings } from "@/server/chat/moderation/update-chat-settings";
import { postNotice } from "@/server/chat/moderation/post-notice";
import { deleteMessage } from "@/server/chat/moderation/delete-message";
import { addSanction } from "@/server/chat/moderation/add-sanction";
import { liftSanction } from "@/server/chat/moderation/lift-sanction";

/** lib/chat/moderation.contract.ts, served. */
export const moderation = {
  settings: api.moderation.settings
    .use(roomStaff)
    .handler(async ({ input, context }) => updateChatSettings(context.user, context.room.id, input.body)),
  notice: api.moderation.notice
    .use(roomStaff)
    .handler(async ({ input, context }) => postNotice(context.user, context.room.id, input.body.text)),
  deleteMessage: api.moderation.deleteMessage.use(roomStaff).handler(async ({ input, context }) => {
    const { messageId } = input.params;
    if (!/^\d{1,15}$/.test(messageId)) throw notFound("This message does not exist.");
    return { ok: true as const, ...(await deleteMessage(context.user, context.room.id, Number(messageId))) };
  }),
  sanction: api.moderation.sanction
    .use(roomStaff)
    .handler(async ({ input, context }) => addSanction(context.user, context.room.id, input.body)),
  liftSanction: api.moderation.liftSanction.use(roomStaff).handler(async ({ input, context }) => ({
    ok: true as const,
    ...(await liftSanction(context.user, context.room.id, input.params.userId, input.query.type)),
  })),
};
