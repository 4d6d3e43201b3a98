import "server-only";
import { api } from "@/server/api/base";
import { assignChatNode, listChatNodes } from "@/server/chat/assign-chat-node";

/** lib/chat/nodes.contract.ts, served. */
export const chatNodes = {
  list: api.chatNodes.list.handler(() => listChatNodes()),
  // The first `exclude` of the URL, as searchParams.get reads it (a repeated or bracketed key is not an error).
  forShow: api.chatNodes.forShow.handler(({ input, context }) =>
    assignChatNode(input.params.id, new URL(context.req.url).searchParams.get("exclude")),
  ),
};
