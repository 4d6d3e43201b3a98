import type { TMasterToSlave } from "@/lib/chat/node-protocol";
import type { TMessage } from "@/lib/chat/protocol";
import { crossesGroups } from "@/server/chat/visibility";
import type { TMasterContext } from "@/server/chat/master/context";
import type { TMasterRoom } from "@/server/chat/master/rooms";

/**
 * The patent's relay: forwards a message to the other slaves holding the room. With separation on, a
 * viewer's chat stops here, except towards slaves where the room's seller or an admin is connected: they
 * get it marked staff-only, so staff see every group (labelled by the message's nodeId).
 */
export function relayChat(
  ctx: TMasterContext,
  room: TMasterRoom,
  message: TMessage,
  sourceNode: string | null,
): number {
  const crossing = !room.separated || crossesGroups(room.config, message);
  let sent = 0;
  for (const [nodeId, presence] of room.presence) {
    if (nodeId === sourceNode) continue;
    if (!crossing && presence.staff === 0) continue;
    const slave = ctx.registry.get(nodeId);
    if (!slave) continue;
    slave.socket.emit("node", { type: "chat", message, staffOnly: !crossing });
    sent += 1;
  }
  ctx.activity.node.messagesOut(sent, "relayed");
  return sent;
}

/**
 * The same rule for a group commit's messages: one `chats` message per receiving slave, holding what that
 * slave may have, in order. At 200 msg/s this is one link write per slave per commit instead of per message.
 */
export function relayChats(
  ctx: TMasterContext,
  room: TMasterRoom,
  messages: TMessage[],
  sourceNode: string | null,
): number {
  let sent = 0;
  for (const [nodeId, presence] of room.presence) {
    if (nodeId === sourceNode) continue;
    const slave = ctx.registry.get(nodeId);
    if (!slave) continue;
    const items: { message: TMessage; staffOnly: boolean }[] = [];
    for (const message of messages) {
      const crossing = !room.separated || crossesGroups(room.config, message);
      if (crossing || presence.staff > 0) items.push({ message, staffOnly: !crossing });
    }
    if (items.length === 0) continue;
    slave.socket.emit("node", { type: "chats", messages: items });
    sent += items.length;
  }
  ctx.activity.node.messagesOut(sent, "relayed");
  return sent;
}

/** Sends a room-wide event (deletions, product updates) to every slave holding the room. */
export function emitToRoomSlaves(ctx: TMasterContext, room: TMasterRoom, msg: TMasterToSlave): number {
  let sent = 0;
  for (const nodeId of room.presence.keys()) {
    const slave = ctx.registry.get(nodeId);
    if (!slave) continue;
    slave.socket.emit("node", msg);
    sent += 1;
  }
  return sent;
}
