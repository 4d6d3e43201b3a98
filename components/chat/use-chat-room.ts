"use client";
import { useLiveRoom, useRoomSlice } from "@/components/live/live-room-provider";

export type { TChatUser } from "@/components/live/live-room-store";

/**
 * The room's live chat for a panel, from the page's LiveRoomProvider (its one connection): messages
 * (batched to one render per frame), room state, connection status and node, this user and their
 * restriction, and `send`.
 */
export function useChatRoom() {
  const { send } = useLiveRoom();
  const messages = useRoomSlice((s) => s.messages);
  const state = useRoomSlice((s) => s.state);
  const status = useRoomSlice((s) => s.status);
  const nodeId = useRoomSlice((s) => s.nodeId);
  const me = useRoomSlice((s) => s.me);
  const restriction = useRoomSlice((s) => s.restriction);
  return { messages, state, status, nodeId, me, restriction, send };
}
